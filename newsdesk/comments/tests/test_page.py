"""The comments under a story as a reader gets them."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdesk.articles.tests.factories import ArticlePageFactory
from newsdesk.comments.models import Comment, CommentThread
from newsdesk.comments.services import comments_decide
from newsdesk.core.pagecache.fragments import fragments_forget

from .factories import CommentFactory, bulk_comments

pytestmark = pytest.mark.django_db


def comments_of(client, url) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("#comments")


def texts(section) -> list[str]:
    return [p.get_text() for p in section.select(".comment__text")]


def test_only_approved_comments_show_and_count_oldest_first(client, story):
    CommentFactory(page=story, text="Second", created_at="2026-01-02T10:00Z")
    CommentFactory(page=story, text="First", created_at="2026-01-01T10:00Z")
    for status in ("held", "rejected", "spam"):
        CommentFactory(page=story, text=f"Not shown {status}", status=status)
    section = comments_of(client, story.url)
    assert section.select_one("[data-comments-count]").text == "2"
    assert texts(section) == ["First", "Second"]


def test_the_email_address_is_never_in_the_page(client, story):
    CommentFactory(page=story, email="secret.reader@readers.example")
    html = client.get(story.url).content.decode()
    assert "secret.reader" not in html


def test_replies_sit_one_level_deep_under_an_approved_parent(client, story):
    top = CommentFactory(page=story, text="Top")
    CommentFactory(page=story, parent=top, text="Reply")
    hidden = CommentFactory(page=story, text="Held parent", status="held")
    CommentFactory(page=story, parent=hidden, text="Orphan reply")
    section = comments_of(client, story.url)
    assert texts(section.select_one(f"#comment-{top.pk} .comments__replies")) == ["Reply"]
    assert "Orphan reply" not in section.text
    assert section.select_one("[data-comments-count]").text == "2"


def test_more_than_50_threads_are_paged(client, story):
    for n in range(53):
        CommentFactory(page=story, text=f"Comment {n:02d}")
    section = comments_of(client, story.url)
    assert len(section.select(".comments__list > .comment")) == 50
    more = section.select_one("[data-comments-more]")["href"]
    assert more == f"/comments/{story.pk}/?page=2"
    rest = BeautifulSoup(client.get(more).content, "html.parser")
    assert texts(rest) == ["Comment 50", "Comment 51", "Comment 52"]
    fragment = client.get(more + "&fragment=1").content.decode()
    assert "<html" not in fragment
    assert "Comment 52" in fragment
    assert client.get(f"/comments/{story.pk}/?page=3").status_code == 404


def test_a_closed_story_shows_its_comments_but_no_form(client, story):
    CommentFactory(page=story, text="Before closing")
    CommentThread.objects.create(page=story, mode=CommentThread.Mode.CLOSED)
    section = comments_of(client, story.url)
    assert "Before closing" in section.text
    assert section.select_one("form") is None
    assert "Comments on this story are closed." in section.text


def test_two_visitors_get_byte_identical_pages_without_cookies(client, story):
    CommentFactory(page=story)
    first = client.get(story.url, REMOTE_ADDR="203.0.113.1", HTTP_USER_AGENT="A")
    second = client.get(story.url, REMOTE_ADDR="198.51.100.2", HTTP_USER_AGENT="B")
    assert first.content == second.content
    assert "Set-Cookie" not in first.headers
    assert "Cookie" not in first.get("Vary", "")
    assert b"csrfmiddlewaretoken" not in first.content
    assert b'name="token" value=""' in first.content


def test_approving_or_removing_a_comment_shows_on_the_story_at_once(client, story):
    held = CommentFactory(page=story, text="Waiting", status="held")
    assert "Waiting" not in comments_of(client, story.url).text
    comments_decide(comment_ids=[held.pk], status=Comment.Status.APPROVED, user=None)
    section = comments_of(client, story.url)
    assert "Waiting" in section.text
    assert section.select_one("[data-comments-count]").text == "1"
    comments_decide(comment_ids=[held.pk], status=Comment.Status.REJECTED, user=None)
    section = comments_of(client, story.url)
    assert "Waiting" not in section.text
    assert section.select_one("[data-comments-count]").text == "0"


def test_500_comments_render_with_the_same_number_of_queries_as_5(client):
    few, many = ArticlePageFactory(), ArticlePageFactory()
    bulk_comments(few, 5)
    bulk_comments(many, 500)
    counts = []
    for story in (few, many, few, many):
        fragments_forget()  # each render builds its comments block
        with CaptureQueriesContext(connection) as queries:
            assert client.get(story.url).status_code == 200
        counts.append(len(queries))
    assert counts[2] == counts[3], counts


@pytest.mark.parametrize("number", ["²", "١", "0", "x", "9999999"])
def test_odd_numbers_in_comment_urls_are_404_not_500(client, story, number):
    assert client.get(f"/comments/{story.pk}/", {"page": number}).status_code == 404
    assert client.get("/comments/report/", {"comment": number}).status_code == 404
    assert client.get(f"/comments/{story.pk}/write/", {"reply_to": number}).status_code == 200
