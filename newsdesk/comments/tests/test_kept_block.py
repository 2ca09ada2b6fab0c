"""The comments block is kept between renders, yet every change shows on the next one.

Each story page is read twice before a change, so the second read comes from the
kept block (core/pagecache/fragments.py).
"""

import time
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from newsdesk.articles.tests.factories import ArticlePageFactory
from newsdesk.comments.models import Comment, CommentSettings, CommentThread
from newsdesk.comments.services import comments_decide

from .factories import CommentFactory

pytestmark = pytest.mark.django_db


def comments_of(client, url) -> BeautifulSoup:
    client.get(url)
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("#comments")


def test_a_decision_shows_though_the_block_was_kept(client, story):
    held = CommentFactory(page=story, text="Waiting", status="held")
    assert "Waiting" not in comments_of(client, story.url).text
    comments_decide(comment_ids=[held.pk], status=Comment.Status.APPROVED, user=None)
    assert "Waiting" in comments_of(client, story.url).text


def test_closing_a_story_by_hand_shows_at_once(client, story):
    assert comments_of(client, story.url).select_one("form") is not None
    CommentThread.objects.create(page=story, mode=CommentThread.Mode.CLOSED)
    section = comments_of(client, story.url)
    assert section.select_one("form") is None
    assert "Comments on this story are closed." in section.text


def test_new_comment_settings_show_under_every_story_at_once(client):
    story = ArticlePageFactory(first_published_at=timezone.now() - timedelta(days=4))
    assert comments_of(client, story.url).select_one("form") is not None
    site_settings = CommentSettings.for_site(story.get_site())
    site_settings.close_after_days = 3
    site_settings.save()
    assert comments_of(client, story.url).select_one("form") is None


def test_a_story_closing_by_age_closes_on_time_though_the_block_was_kept(client, monkeypatch):
    published = timezone.now() - timedelta(days=3) + timedelta(seconds=30)
    story = ArticlePageFactory(first_published_at=published)
    site_settings = CommentSettings.for_site(story.get_site())
    site_settings.close_after_days = 3
    site_settings.save()
    assert comments_of(client, story.url).select_one("form") is not None
    later = timezone.now() + timedelta(seconds=31)
    clock = time.monotonic() + 31
    monkeypatch.setattr("django.utils.timezone.now", lambda: later)
    monkeypatch.setattr("newsdesk.core.pagecache.fragments.time.monotonic", lambda: clock)
    assert comments_of(client, story.url).select_one("form") is None


def test_the_notice_after_a_post_is_kept_apart_from_the_plain_block(client, story):
    plain = comments_of(client, story.url)
    thanked = comments_of(client, story.url + "?comment=published")
    again = comments_of(client, story.url)
    notice = "Thank you: your comment is published."
    assert notice not in plain.text
    assert notice in thanked.text
    assert notice not in again.text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_first_render_of_a_new_site_is_kept_in_the_page_cache(client, settings):
    # The first render creates the site's comment settings with their defaults: that
    # changes nothing shown, so it must not clear the page it is part of.
    settings.NEWSDESK_PAGE_CACHE = True
    story = ArticlePageFactory(title="Harbour reopens", lead_image=None)
    assert not CommentSettings.objects.exists()
    assert client.get(story.url)["X-Page-Cache"] == "MISS"
    assert client.get(story.url)["X-Page-Cache"] == "HIT"
