"""Posting a comment through the endpoint, with and without script."""

from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.db import OperationalError

from newsdesk.comments import guard
from newsdesk.comments.models import Comment

from .factories import CommentFactory

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_post_without_script_redirects_to_the_comments_with_a_message(
    client, story, post, no_limits
):
    response = post(story, text="Sea walls alone will not do it.")
    assert response.status_code == 302
    assert response["Location"] == f"{story.url}?comment=published#comments"
    page = soup(client.get(response["Location"]))
    assert "your comment is published" in page.select_one("[data-comments-status]").text
    assert "Sea walls alone will not do it." in page.select_one("#comments").text
    assert page.select_one("[data-comments-count]").text == "1"


def test_post_from_the_cached_page_without_script_asks_to_confirm_then_publishes(
    client, story, post, no_limits
):
    first = post(story, token=None, text="Plain form, no script.")
    assert first.status_code == 200
    page = soup(first)
    assert page.h1.text == "Check your comment"
    assert page.select_one("textarea[name=text]").text == "Plain form, no script."
    assert "Plain form, no script." in page.select_one(".comment-page__preview").text
    fresh = page.select_one("input[name=token]")["value"]
    assert guard.form_token_read(token=fresh, page_id=story.pk)
    assert not Comment.objects.exists()
    # The reader reads the preview and sends it; the token's clock started at the preview.
    old_enough = guard.form_token_issue(page_id=story.pk, now=guard.time.time() - 10)
    second = post(story, token=old_enough, text="Plain form, no script.")
    assert second.status_code == 302
    assert Comment.objects.get().text == "Plain form, no script."


def test_post_with_script_answers_in_json_with_the_rendered_comment(story, post, no_limits):
    response = post(story, json=True, text="Line one\nline two")
    body = response.json()
    assert response.status_code == 200
    assert body["outcome"] == "published"
    assert "Line one<br>" in body["html"]
    assert "ada@readers.example" not in body["html"]


def test_301_characters_are_refused_and_the_text_is_kept(story, post, no_limits):
    text = "é" * 301
    response = post(story, text=text)
    assert response.status_code == 400
    page = soup(response)
    assert page.select_one("textarea[name=text]").text == text
    assert (
        "301 characters long, 1 over the limit of 300"
        in page.select_one("#comment-text-error").text
    )
    assert page.select_one("[data-count-value]").text == "301"
    assert post(story, json=True, text=text).json()["outcome"] == "invalid"
    assert not Comment.objects.exists()


def test_a_double_submit_stores_the_comment_once(story, post, no_limits):
    token = guard.form_token_issue(page_id=story.pk, now=guard.time.time() - 10)
    first = post(story, json=True, token=token, text="Only once, please.")
    again = post(story, json=True, token=token, text="Only once, please.")
    assert first.json()["outcome"] == again.json()["outcome"] == "published"
    assert Comment.objects.count() == 1


def test_a_double_submit_is_answered_even_past_the_rate_limit(story, post):
    token = guard.form_token_issue(page_id=story.pk, now=guard.time.time() - 10)
    post(story, token=token)
    again = post(story, token=token)
    assert again.status_code == 302
    assert Comment.objects.count() == 1


def test_a_database_error_keeps_the_text_and_says_so(story, post, no_limits):
    with mock.patch.object(Comment.objects, "create", side_effect=OperationalError("disk full")):
        response = post(story, text="Do not lose me.")
    assert response.status_code == 503
    page = soup(response)
    assert "could not save your comment" in page.select_one("[role=alert]").text
    assert page.select_one("textarea[name=text]").text == "Do not lose me."


def test_posts_from_another_site_are_refused(story, post, no_limits):
    assert post(story, origin="https://evil.example").status_code == 403
    assert post(story, origin=None).status_code == 403  # neither Origin nor Referer
    assert post(story, origin="null").status_code == 403
    assert not Comment.objects.exists()


def test_a_same_site_referer_stands_in_for_a_missing_origin(client, story, no_limits):
    token = guard.form_token_issue(page_id=story.pk, now=guard.time.time() - 10)
    data = {"name": "Ada", "email": "ada@readers.example", "text": "Hi", "token": token}
    response = client.post(
        f"/comments/{story.pk}/post/", data, HTTP_REFERER=f"http://testserver{story.url}"
    )
    assert response.status_code == 302


def test_a_token_for_another_story_or_a_forged_one_needs_confirming(story, post, no_limits):
    other = guard.form_token_issue(page_id=story.pk + 1000, now=guard.time.time() - 10)
    assert soup(post(story, token=other)).h1.text == "Check your comment"
    assert soup(post(story, token="forged:token")).h1.text == "Check your comment"
    assert not Comment.objects.exists()


def test_a_post_faster_than_a_person_types_is_sent_back(story, post, no_limits):
    just_now = guard.form_token_issue(page_id=story.pk)
    response = post(story, token=just_now, json=True)
    assert response.status_code == 400
    assert response.json()["outcome"] == "too_fast"
    assert not Comment.objects.exists()


def test_the_honeypot_looks_accepted_but_keeps_nothing(story, post, no_limits):
    response = post(story, website="http://spam.example")
    assert response.status_code == 302
    assert "comment=held" in response["Location"]
    assert not Comment.objects.exists()


def test_visitors_past_the_rate_limit_get_429_with_a_message(story, post, settings):
    settings.NEWSDESK_COMMENTS_HOLD_FIRST = False
    assert post(story, text="one").status_code == 302
    second = post(story, text="two", json=True)
    assert second.status_code == 429
    assert "too fast" in second.json()["message"]
    assert int(second["Retry-After"]) > 0
    # The same e-mail from another address is limited too.
    assert post(story, text="three", remote="198.51.100.9").status_code == 429
    # Another reader is not.
    other = post(story, text="four", remote="198.51.100.9", email="bo@readers.example")
    assert other.status_code == 302


def test_a_reply_to_a_reply_joins_the_first_comment(story, post, no_limits):
    top = CommentFactory(page=story)
    reply = CommentFactory(page=story, parent=top)
    post(story, parent=reply.pk, text="Deeper")
    assert Comment.objects.get(text="Deeper").parent == top


def test_replying_to_a_held_comment_is_refused(story, post, no_limits):
    held = CommentFactory(page=story, status=Comment.Status.HELD)
    assert post(story, parent=held.pk).status_code == 400


def test_the_reply_page_without_script_carries_the_parent_and_a_token(client, story):
    top = CommentFactory(page=story, name="Kwame", text="First!")
    page = soup(client.get(f"/comments/{story.pk}/write/?reply_to={top.pk}"))
    assert page.select_one("input[name=parent]")["value"] == str(top.pk)
    assert page.select_one("input[name=token]")["value"]
    assert "Kwame" in page.select_one("#comment-form-title").text


def test_the_token_endpoint_is_never_cached(client, story):
    response = client.get(f"/comments/{story.pk}/token/")
    assert "no-store" in response["Cache-Control"]
    assert guard.form_token_read(token=response.json()["token"], page_id=story.pk)
    assert "Set-Cookie" not in response.headers
