"""You May Also Like on an article page in headless Chromium with an axe-core scan.

Reuses the articles app's page check (newsdesk/articles/tests/test_browser.py); skips
when Chromium or axe-core is missing, fails instead under NEWSDESK_REQUIRE_BROWSER=1.
"""

import os

import pytest
from django.db import connection

from newsdesk.articles.tests.test_browser import AXE, CHROMIUM, check_page
from newsdesk.recommendations.services import related_pending_process

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


def test_related_stories_in_the_browser(browser, live_server, story_on):
    story = story_on("space", days_ago=0)
    for day in range(1, 7):
        story_on("space", days_ago=day)
    related_pending_process()
    check_page(
        browser,
        live_server.url + story.url,
        "article-related",
        ["#list-related", "#list-related + ol li .label", "#list-related + ol li a"],
    )
