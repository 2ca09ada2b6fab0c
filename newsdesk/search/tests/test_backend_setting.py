"""NEWSDESK_SEARCH_URL switches search to an OpenSearch or Elasticsearch cluster."""

import json
import os
import subprocess
import sys

from django.conf import settings


def backends_with(**env) -> dict:
    script = "import json, config.settings.base as s; print(json.dumps(s.WAGTAILSEARCH_BACKENDS))"
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_SEARCH_")}
    output = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=inherited | env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output)["default"]


def test_database_backend_by_default():
    assert backends_with() == {"BACKEND": "newsdesk.search.backend"}


def test_a_search_url_selects_the_named_cluster_backend():
    backend = backends_with(
        NEWSDESK_SEARCH_URL="https://search.internal:9200", NEWSDESK_SEARCH_BACKEND="elasticsearch8"
    )
    assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert backend["URLS"] == ["https://search.internal:9200"]
