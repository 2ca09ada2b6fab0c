"""The strict Content-Security-Policy in headless Chromium: nothing blocked, scripts still work.

A policy violation shows as a console error and a securitypolicyviolation
event; both are collected, and the page's scripted parts (comment form, copy
link, read beacon and view count) are used while they are.
"""

import pytest

from newsdesk.core.tests.browser import RECORD_VIOLATIONS

from .factories import CommentFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def tab(browser, live_server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.beacons = []
    page.on("request", lambda r: "/analytics/read/" in r.url and page.beacons.append(r.method))
    yield page
    context.close()


def violations(page) -> list[str]:
    csp_errors = [m for m in page.console_errors if "Content Security Policy" in m]
    return page.evaluate("window.__violations") + csp_errors


def test_home_page_runs_under_the_policy(tab, live_server, story):
    response = tab.goto(live_server.url + "/")

    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    tab.wait_for_load_state("networkidle")
    assert violations(tab) == []


def test_article_scripts_work_under_the_policy(tab, live_server, story, open_posting):
    CommentFactory(page=story, text="Earlier comment")
    with tab.expect_response(lambda r: "/analytics/views/" in r.url) as views:
        response = tab.goto(live_server.url + story.url)
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    # reads.js asks for the view count only after it has sent the read beacon.
    assert views.value.status == 200
    assert tab.beacons == ["POST"]
    assert tab.locator("script[type='application/ld+json']").count() == 2

    tab.get_by_role("button", name="Copy link").click()
    tab.get_by_text("Link copied.").wait_for()
    assert tab.evaluate("navigator.clipboard.readText()").endswith(story.url)

    tab.fill("#comment-name", "Ada")
    tab.fill("#comment-email", "ada@readers.example")
    tab.fill("#comment-text", "Posted under a strict policy")
    assert tab.text_content("[data-count-value]") == "28"
    with tab.expect_response(lambda r: r.url.endswith("/post/")) as posted:
        tab.click("button.comment-form__submit")
    assert posted.value.status == 200
    tab.get_by_text("Posted under a strict policy").wait_for()

    tab.wait_for_load_state("networkidle")
    assert violations(tab) == []
