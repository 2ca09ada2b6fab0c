"""NEWSDESK_SEARCH_URL switches search to an OpenSearch or Elasticsearch cluster."""

from newsdesk.core.tests.settings_env import setting_under


def backends_with(**env) -> dict:
    backends = setting_under("WAGTAILSEARCH_BACKENDS", unset_prefix="NEWSDESK_SEARCH_", **env)
    return backends["default"]


def test_database_backend_by_default():
    assert backends_with() == {"BACKEND": "newsdesk.search.backend"}


def test_a_search_url_selects_the_named_cluster_backend():
    backend = backends_with(
        NEWSDESK_SEARCH_URL="https://search.internal:9200", NEWSDESK_SEARCH_BACKEND="elasticsearch8"
    )
    assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert backend["URLS"] == ["https://search.internal:9200"]
