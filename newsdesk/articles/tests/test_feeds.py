"""RSS and Atom feeds, read the way feed readers read them."""

from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from .factories import ArticlePageFactory, AuthorFactory, NewsImageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db

FEED_KINDS = ["rss", "atom"]


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.fixture
def newsroom():
    world = SectionPageFactory(title="World", slug="world")
    asia = SectionPageFactory(title="Asia", slug="asia")
    author = AuthorFactory(name="Ines Calder", slug="ines-calder")
    now = timezone.now()
    stories = [
        ArticlePageFactory(
            section=world if i % 2 else asia,
            authors=[author] if i < 3 else [AuthorFactory()],
            first_published_at=now - timedelta(hours=i),
            last_published_at=now - timedelta(hours=i) + timedelta(minutes=30),
            lead_image=NewsImageFactory(),
            tags=["harbours"] if i in (1, 4) else [],
        )
        for i in range(6)
    ]
    ArticlePageFactory(section=world, status="draft", title="A draft nobody may see")
    return {"stories": stories, "author": author}


@pytest.mark.parametrize("kind", FEED_KINDS)
def test_site_feed_lists_newest_published_first_with_details(client, newsroom, kind):
    feed = parsed(client, f"/feeds/{kind}/")
    stories = newsroom["stories"]
    assert [e.title for e in feed.entries] == [s.title for s in stories]
    first = feed.entries[0]
    assert first.summary == stories[0].deck
    assert first.link.endswith(stories[0].url)
    assert first.author == "Ines Calder"
    assert {t.term for t in first.tags} >= {stories[0].section.title}
    assert first.published_parsed
    assert first.updated_parsed
    enclosures = [link for link in first.links if link.rel == "enclosure"]
    assert enclosures
    assert enclosures[0].type == "image/jpeg"
    assert int(enclosures[0].length) > 0
    assert "A draft nobody may see" not in {e.title for e in feed.entries}


@pytest.mark.parametrize("kind", FEED_KINDS)
def test_section_author_and_tag_feeds_hold_only_their_stories(client, newsroom, kind):
    stories = newsroom["stories"]
    world = parsed(client, f"/feeds/sections/world/{kind}/")
    assert [e.title for e in world.entries] == [
        s.title for s in stories if s.section.slug == "world"
    ]
    author = parsed(client, f"/feeds/authors/ines-calder/{kind}/")
    assert [e.title for e in author.entries] == [s.title for s in stories[:3]]
    tag = parsed(client, f"/feeds/tags/harbours/{kind}/")
    assert [e.title for e in tag.entries] == [stories[1].title, stories[4].title]


def test_feed_holds_the_latest_fifty(client):
    section = SectionPageFactory()
    now = timezone.now()
    for i in range(52):
        ArticlePageFactory(section=section, first_published_at=now - timedelta(minutes=i))
    assert len(parsed(client, "/feeds/rss/").entries) == 50


def test_unknown_feed_objects_are_404(client):
    for url in ("/feeds/sections/nope/rss/", "/feeds/authors/nope/atom/", "/feeds/tags/nope/rss/"):
        assert client.get(url).status_code == 404


def test_pages_advertise_their_feeds(client, newsroom):
    html = client.get("/world/").content.decode()
    assert 'href="/feeds/sections/world/rss/"' in html
    assert 'type="application/atom+xml"' in html
