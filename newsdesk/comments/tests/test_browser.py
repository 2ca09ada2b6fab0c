"""Comments in headless Chromium: the counter, posting with and without script, hostile input.

Skips locally when Chromium or axe-core is missing, fails under NEWSDESK_REQUIRE_BROWSER=1,
as the articles browser tests do.
"""

import pytest

from newsdesk.comments.models import Comment
from newsdesk.comments.text import text_length, text_normalise
from newsdesk.core.tests.browser import axe_violations

from .factories import CommentFactory
from .hostile import hostile_inputs

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TRICKY = [
    "👍🏽👍🏽",
    "👩🏽‍❤️‍💋‍👨🏿 and 👨‍👩‍👧‍👦",
    "🇯🇵🇫🇷🇺🇦",
    "🏴󠁧󠁢󠁳󠁣󠁴󠁿 1️⃣ #️⃣",
    "cafe\u0301 noe\u0308l",
    "\u1100\u1161\u11a8 한국어",
    "नमस्ते क्षत्रिय",
    "  leading and trailing  \n\n",
    "line\none\r\ntwo",
    "zero\u200bwidth\u200djoin\u2060",
    "\u202eoverride\u202c \u2067isolate\u2069",
    "ctrl\x01\x07chars\x7f",
    "\ufeffbom",
    "e\u0301\u0302\u0303\u0304\u0305",
    "👍🏽" * 300,
    "👍🏽" * 301,
]


@pytest.fixture
def tab(browser, live_server):
    # Set up after the live server and its database, so the tab closes before they are reset.
    context = browser.new_context()
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def fill(page, *, name="Ada", email="ada@readers.example", text="A fair point."):
    page.fill("#comment-name", name)
    page.fill("#comment-email", email)
    page.fill("#comment-text", text)


def test_the_counter_and_the_server_count_the_same(tab, live_server, story):
    tab.goto(live_server.url + story.url)
    for text in TRICKY:
        tab.fill("#comment-text", text)
        shown = int(tab.text_content("[data-count-value]"))
        typed = tab.input_value("#comment-text")
        assert shown == text_length(text=text_normalise(text=typed)), repr(text)


def test_posting_with_script_adds_the_comment_in_place(tab, live_server, story, open_posting):
    CommentFactory(page=story, text="Earlier comment")
    tab.goto(live_server.url + story.url)
    fill(tab, text="Posted in place\nwith a line break")
    with tab.expect_response(lambda r: r.url.endswith("/post/")):
        tab.click("button.comment-form__submit")
    tab.get_by_text("your comment is published").wait_for()
    assert tab.url == live_server.url + story.url
    assert tab.text_content("[data-comments-count]") == "2"
    assert tab.locator(".comment__text").nth(1).inner_text() == "Posted in place\nwith a line break"
    assert tab.input_value("#comment-text") == ""


def test_301_characters_keep_the_text_and_say_why(tab, live_server, story, open_posting):
    tab.goto(live_server.url + story.url)
    fill(tab, text="a" * 301)
    tab.click("button.comment-form__submit")
    assert "1 over the limit of 300" in tab.text_content("[data-form-message]")
    assert tab.input_value("#comment-text") == "a" * 301
    assert not Comment.objects.exists()


def test_replying_in_place_nests_under_the_comment(tab, live_server, story, open_posting):
    top = CommentFactory(page=story, name="Kwame", text="First!")
    tab.goto(live_server.url + story.url)
    tab.click(f"#comment-{top.pk} [data-reply-to]")
    assert "Kwame" in tab.text_content("[data-replying]")
    fill(tab, text="A reply")
    with tab.expect_response(lambda r: r.url.endswith("/post/")):
        tab.click("button.comment-form__submit")
    tab.locator(f"#comment-{top.pk} .comments__replies .comment").wait_for()
    assert Comment.objects.get(text="A reply").parent == top


def test_posting_without_script_confirms_then_returns_to_the_comments(
    browser, live_server, story, open_posting
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + story.url)
    fill(page, text="No script here")
    page.click("button.comment-form__submit")
    assert page.text_content("h1") == "Check your comment"
    page.click("button.comment-form__submit")
    assert page.url.endswith(f"{story.url}?comment=published#comments")
    assert "your comment is published" in page.text_content("[data-comments-status]")
    assert "No script here" in page.text_content("#comments")
    context.close()


def test_hostile_inputs_through_the_real_form_never_execute(tab, live_server, story, open_posting):
    inputs = hostile_inputs()[::2]
    assert len(inputs) >= 200
    tab.goto(live_server.url + story.url)
    statuses = []
    for n, (name, text) in enumerate(inputs):
        text = f"{text} ({n})"
        fill(tab, name=name, email=f"r{n}@readers.example", text=text)
        if text_length(text=text_normalise(text=text)) > 300:
            # The page refuses it before sending, and says why.
            tab.click("button.comment-form__submit")
            assert "over the limit" in tab.text_content("[data-form-message]")
            continue
        with tab.expect_response(lambda r: r.url.endswith("/post/")) as answer:
            tab.click("button.comment-form__submit")
        statuses.append(answer.value.status)
        # A locator, not wait_for_function: that evaluates a string, which the CSP forbids.
        tab.locator("button.comment-form__submit:enabled").wait_for()
    assert max(statuses) < 500, sorted(set(statuses))
    assert min(statuses) >= 200, sorted(set(statuses))
    assert Comment.objects.count() > 150
    tab.reload()
    report = tab.evaluate(
        """() => {
          const box = document.querySelector('#comments');
          const all = [...box.querySelectorAll('*')];
          return {
            pwned: window.__pwned === undefined ? null : window.__pwned,
            scripts: box.querySelectorAll('script').length,
            injected: box.querySelectorAll(
              'img,iframe,svg,style,form form,meta,details,math,b,i').length,
            handlers: all.filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
            jsLinks: box.querySelectorAll('[href^="javascript" i],[src]').length,
          };
        }"""
    )
    assert report == {"pwned": None, "scripts": 1, "injected": 0, "handlers": 0, "jsLinks": 1}
    assert tab.dialogs == []


def test_the_comments_pass_an_accessibility_scan(tab, live_server, story):
    top = CommentFactory(page=story, text="See https://example.org/report")
    CommentFactory(page=story, parent=top, text="Thanks")
    tab.goto(live_server.url + story.url)
    assert axe_violations(tab, scope="#comments") == []
