"""On PostgreSQL, the expression Wagtail's search matches on has an index of its own."""

import os

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdesk.search.selectors import stories_search

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="DATABASE_URL is not PostgreSQL: the index is tested where it is (CI)",
    ),
]

MATCHED = '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@'


def test_searches_match_on_the_expression_the_index_covers(story):
    story("Harbour crane moved", text="The crane left the quay.")
    with CaptureQueriesContext(connection) as queries:
        found = [page.title for page in stories_search(query="crane")]
    assert found == ["Harbour crane moved"]
    # A Wagtail upgrade that changes this expression would leave the index unused.
    assert MATCHED in queries.captured_queries[-1]["sql"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'newsdesk_search_title_body_gin'"
        )
        (definition,) = cursor.fetchone()
    assert "ON public.wagtailsearch_indexentry USING gin (((title || body)))" in definition
