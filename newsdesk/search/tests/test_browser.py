"""The search page in headless Chromium with an axe-core scan, as the article pages are.

Reuses the articles app's page check (newsdesk/articles/tests/test_browser.py); skips
when Chromium or axe-core is missing, fails instead under NEWSDESK_REQUIRE_BROWSER=1.
"""

import os

import pytest
from django.db import connection

from newsdesk.articles.tests.test_browser import AXE, CHROMIUM, check_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="module")
def browser():
    missing = [str(path) for path in (CHROMIUM, AXE) if not path.exists()]
    if missing:
        if os.environ.get("NEWSDESK_REQUIRE_BROWSER") == "1":
            pytest.fail(f"Browser tests are required here; missing {missing}")
        pytest.skip(f"missing {missing}")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    snapshot = getattr(connection, "_test_serialized_contents", None)
    with sync_playwright() as playwright:
        # Playwright's event loop gives this thread a new connection object; hand it the
        # database snapshot that serialized_rollback restores the home page and site from.
        if snapshot is not None:
            connection._test_serialized_contents = snapshot
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


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
