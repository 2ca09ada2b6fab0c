"""Hostile inputs through the posting endpoint: never a 5xx, never stored or shown unescaped."""

import pytest
from bs4 import BeautifulSoup

from newsdesk.comments import guard
from newsdesk.comments.models import Comment

from .hostile import hostile_inputs

pytestmark = pytest.mark.django_db
ALLOWED_IN_COMMENTS = {"li", "article", "p", "bdi", "time", "a", "br", "span", "ol"}


def assert_only_our_markup(section) -> None:
    for tag in section.select(".comments__list *"):
        assert tag.name in ALLOWED_IN_COMMENTS, tag
        assert not [a for a in tag.attrs if a.lower().startswith("on")], tag
        assert not tag.get("href", "").lower().lstrip().startswith(("javascript", "data")), tag
        if tag.name == "a" and tag.get("href", "").startswith("http"):
            assert tag["rel"] == ["nofollow", "ugc", "noopener"], tag


def test_hostile_inputs_are_refused_or_stored_and_shown_as_text(client, story, no_limits):
    inputs = hostile_inputs()
    assert len(inputs) >= 200
    token = guard.form_token_issue(page_id=story.pk, now=guard.time.time() - 10)
    statuses = set()
    for n, (name, text) in enumerate(inputs):
        response = client.post(
            f"/comments/{story.pk}/post/",
            {"name": name, "email": f"r{n}@readers.example", "text": text, "token": token},
            HTTP_ORIGIN="http://testserver",
            HTTP_ACCEPT="application/json" if n % 2 else "text/html",
            REMOTE_ADDR=f"192.0.2.{n % 250}",  # the duplicate rule is per visitor
        )
        statuses.add(response.status_code)
        # A fresh idempotency key for each input, as a browser would fetch.
        token = guard.form_token_issue(page_id=story.pk, now=guard.time.time() - 10)
    assert max(statuses) < 500, statuses
    stored = Comment.objects.all()
    assert stored.count() > 250
    for comment in stored:
        assert "\x00" not in comment.text
        assert "\x00" not in comment.name
    Comment.objects.update(status="approved")
    page = BeautifulSoup(client.get(story.url).content, "html.parser")
    section = page.select_one("#comments")
    assert_only_our_markup(section)
    assert "<script>window.__pwned=1" in section.get_text()  # shown, as text


def test_invalid_utf8_is_answered_with_a_4xx_or_stored_replaced(client, story, no_limits):
    token = guard.form_token_issue(page_id=story.pk, now=guard.time.time() - 10)
    body = (
        b"name=%FF%FEAda&email=a%40readers.example&text=caf%C3%A9+%E9%80%FF&token=" + token.encode()
    )
    response = client.post(
        f"/comments/{story.pk}/post/",
        body,
        content_type="application/x-www-form-urlencoded",
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code < 500
    for comment in Comment.objects.all():
        comment.text.encode("utf-8")  # valid once stored
