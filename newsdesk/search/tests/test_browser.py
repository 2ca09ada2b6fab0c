"""The search page in headless Chromium with an axe-core scan, as the article pages are.

Uses the shared page check (newsdesk/core/tests/browser.py); skips
when Chromium or axe-core is missing, fails instead under NEWSDESK_REQUIRE_BROWSER=1.
"""

import pytest

from newsdesk.core.tests.browser import check_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def results(story):
    story("Volcano erupts near the coast", text="The volcano sent ash over three villages.")
    story("Volcano monitors warn of a second eruption", section="business")


def test_search_results_in_the_browser(browser, live_server, results):
    check_page(
        browser,
        live_server.url + "/search/?q=volcano",
        "search-results",
        ["h1", ".search-form", ".search-result__headline mark", ".search-result__snippet"],
    )


def test_search_empty_state_in_the_browser(browser, live_server, results):
    check_page(
        browser,
        live_server.url + "/search/?q=glacier&section=business",
        "search-empty",
        ["#search-results-title", ".search-empty a"],
    )


def test_search_errors_in_the_browser(browser, live_server, results):
    check_page(
        browser,
        live_server.url + "/search/?q=volcano&published_from=2026-05-02&published_to=2026-05-01",
        "search-errors",
        [".search-errors", "#id_published_to[aria-invalid=true]"],
    )
