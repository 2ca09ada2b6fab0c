"""You May Also Like on an article page in headless Chromium with an axe-core scan.

Uses the shared page check (newsdesk/core/tests/browser.py); skips
when Chromium or axe-core is missing, fails instead under NEWSDESK_REQUIRE_BROWSER=1.
"""

import pytest

from newsdesk.core.tests.browser import check_page
from newsdesk.recommendations.services import related_pending_process

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


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
