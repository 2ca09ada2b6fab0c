"""Drafts, scheduled and withdrawn stories appear nowhere a reader, crawler or API client looks.

Each surface is checked with one published story beside them, so an empty
page cannot pass for a correct one. Search, the rankings' week window and the
single story page have their own tests in their apps; this walks every surface at once.
"""

import time
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.utils import timezone

from newsdesk.analytics.services import read_record, reads_maintain
from newsdesk.articles.tests.factories import (
    DRAFT,
    SCHEDULED,
    ArticlePageFactory,
    AuthorFactory,
    SectionPageFactory,
)

pytestmark = pytest.mark.django_db

SURFACES = [
    "/",
    "/osprey/",
    "/tags/kestrel/",
    "/authors/{author}/",
    "/feeds/rss/",
    "/feeds/atom/",
    "/feeds/sections/osprey/rss/",
    "/feeds/tags/kestrel/atom/",
    "/feeds/authors/{author}/rss/",
    "/sitemap-stories.xml",
    "/sitemap-news.xml",
    "/search/?q=kestrel",
    "/api/v2/stories/?limit=50",
    "/api/v2/stories/?tag=kestrel",
    "/api/v2/stories/?section=osprey",
    "/api/v2/popular-now/",
    "/api/v2/weekly-best/",
]


@pytest.fixture
def newsroom():
    section = SectionPageFactory(title="Osprey", slug="osprey")
    author = AuthorFactory()

    def story(title, **kwargs):
        return ArticlePageFactory(
            section=section,
            authors=[author],
            tags=["kestrel"],
            title=f"Kestrel {title}",
            slug=f"kestrel-{title}",
            lead_image=None,
            **kwargs,
        )

    live = story("live")
    withdrawn = story("withdrawn")
    # Read while it was out, so the rankings have a reason to list it.
    for story_ in (live, withdrawn):
        for i in range(3):
            read_record(article_id=story_.pk, meta={"REMOTE_ADDR": f"192.0.2.{i}"}, at=time.time())
    withdrawn.unpublish()
    reads_maintain()
    hidden = [
        story("draft", status=DRAFT),
        story("scheduled", status=SCHEDULED, go_live_at=timezone.now() + timedelta(days=1)),
        withdrawn,
    ]
    cache.clear()
    return {"live": live, "hidden": hidden, "author": author}


@pytest.mark.parametrize("surface", SURFACES)
def test_only_the_published_story_is_listed(client, newsroom, surface):
    response = client.get(surface.format(author=newsroom["author"].slug))
    assert response.status_code == 200
    body = response.content.decode()
    assert "kestrel-live" in body
    for story in newsroom["hidden"]:
        assert story.slug not in body
        assert story.title not in body


def test_hidden_stories_are_left_out_of_popular_now_and_weekly_best(client, newsroom):
    home = BeautifulSoup(client.get("/").content, "html.parser")
    for list_id in ("popular-now", "weekly-best"):
        rail = home.find(id=f"list-{list_id}").find_parent("section")
        assert [a.get_text(strip=True) for a in rail.select("li a")] == ["Kestrel live"]


def test_hidden_stories_own_addresses_answer_not_found(client, newsroom):
    assert client.get(f"/api/v2/stories/{newsroom['live'].pk}/").status_code == 200
    for story in newsroom["hidden"]:
        assert client.get(story.url).status_code == 404
        assert client.get(f"/api/v2/stories/{story.pk}/").status_code == 404
