"""Browsers that accept gzip get text compressed, and pictures as they are."""

import gzip

import pytest
from django.core.cache import caches

from newsdesk.core.pagecache.store import page_store

from .factories import ArticlePageFactory, NewsImageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.fixture
def story():
    section = SectionPageFactory(title="World", slug="world")
    return ArticlePageFactory(section=section, title="Floods close the river road", tags=["floods"])


def test_search_results_come_gzipped(client, story):
    plain = client.get("/search/?q=floods")
    packed = client.get("/search/?q=floods", **GZIP)

    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 2


def test_the_api_comes_gzipped(client, story):
    packed = client.get("/api/v2/stories/", **GZIP)

    assert packed.status_code == 200
    assert packed["Content-Encoding"] == "gzip"
    assert b"Floods close the river road" in gzip.decompress(packed.content)


def test_a_picture_is_sent_as_it_is(client):
    image = NewsImageFactory()
    with image.file.open("rb") as stored:
        original = stored.read()

    response = client.get(image.file.url, **GZIP)

    assert "Content-Encoding" not in response
    assert b"".join(response.streaming_content) == original


def _pages_forget():
    caches["pages"].clear()
    page_store().local_clear()


def test_a_stored_page_is_gzipped_once(client, settings, story):
    settings.NEWSDESK_PAGE_CACHE = True
    _pages_forget()
    plain = client.get(story.url)
    from_store = client.get(story.url, **GZIP)
    _pages_forget()
    just_rendered = client.get(story.url, **GZIP)

    assert (from_store["X-Page-Cache"], just_rendered["X-Page-Cache"]) == ("HIT", "MISS")
    for packed in (from_store, just_rendered):
        assert packed["Content-Encoding"] == "gzip"
        assert gzip.decompress(packed.content) == plain.content
