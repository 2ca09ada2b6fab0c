"""Public pages from the page cache: each change a reader should see clears the pages showing it."""

import os

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.test import Client
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from newsdesk.articles.models import ArticlePage, HomePage

from .factories import ArticlePageFactory, AuthorFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


class RecordingBackend(BaseBackend):
    """A front cache that notes what it was asked to purge."""

    purged: list[str] = []

    def purge(self, url) -> None:
        RecordingBackend.purged.append(url)


@pytest.fixture
def newsroom(db):
    section = SectionPageFactory(title="World", slug="world")
    author = AuthorFactory(name="Ada Okafor", slug="ada-okafor")
    story = ArticlePageFactory(
        section=section, authors=[author], tags=["harbours"], title="Harbour reopens"
    )
    other = ArticlePageFactory(section=SectionPageFactory(title="Science", slug="science"))
    return {"section": section, "author": author, "story": story, "other": other}


def _urls(newsroom) -> dict[str, str]:
    return {
        "story": newsroom["story"].url,
        "home": "/",
        "section": newsroom["section"].url,
        "author": "/authors/ada-okafor/",
        "tag": "/tags/harbours/",
        "feed": "/feeds/rss/",
        "section feed": "/feeds/sections/world/rss/",
        "other story's rail": newsroom["other"].url,
    }


def _edit(story: ArticlePage, **fields) -> None:
    page = ArticlePage.objects.get(pk=story.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_a_cached_page_is_answered_without_a_query(
    site_page_cache, newsroom, django_assert_num_queries
):
    client = Client()
    first = client.get(newsroom["story"].url)
    with django_assert_num_queries(0):
        second = client.get(newsroom["story"].url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("MISS", "HIT")
    assert second.content == first.content


def test_two_readers_get_the_same_bytes_from_the_cache(site_page_cache, newsroom):
    url = newsroom["story"].url
    first = Client(HTTP_USER_AGENT="reader one").get(url)
    second = Client(HTTP_USER_AGENT="reader two").get(url)
    assert second["X-Page-Cache"] == "HIT"
    assert first.content == second.content


@pytest.mark.parametrize(
    "where", ["story", "home", "section", "author", "tag", "feed", "section feed",
              "other story's rail"],
)  # fmt: skip
def test_editing_a_story_shows_everywhere_it_is_shown(site_page_cache, newsroom, where):
    committed = site_page_cache
    url = _urls(newsroom)[where]
    client = Client()
    assert b"Harbour reopens" in client.get(url).content
    assert client.get(url)["X-Page-Cache"] == "HIT"
    with committed():
        _edit(newsroom["story"], title="Harbour reopens after the storm")
    assert b"Harbour reopens after the storm" in client.get(url).content


def test_editing_a_story_leaves_pages_that_do_not_show_it_cached(site_page_cache, newsroom):
    committed = site_page_cache
    science = newsroom["other"].section
    client = Client()
    client.get(science.url)
    with committed():
        _edit(newsroom["story"], title="Harbour reopens after the storm")
    assert client.get(science.url)["X-Page-Cache"] == "HIT"


@pytest.mark.parametrize(
    "where", ["home", "section", "author", "tag", "feed", "section feed",
              "other story's rail"],
)  # fmt: skip
def test_publishing_a_new_story_shows_it_on_every_list_it_belongs_to(
    site_page_cache, newsroom, where
):
    committed = site_page_cache
    url = _urls(newsroom)[where]
    client = Client()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "HIT"
    with committed():
        ArticlePageFactory(
            section=newsroom["section"],
            authors=[newsroom["author"]],
            tags=["harbours"],
            title="Ferries return to the harbour",
        )
    assert b"Ferries return to the harbour" in client.get(url).content


def test_a_new_story_appears_in_the_sitemap(site_page_cache, newsroom):
    committed = site_page_cache
    client = Client()
    client.get("/sitemap-stories.xml")
    assert client.get("/sitemap-stories.xml")["X-Page-Cache"] == "HIT"
    with committed():
        story = ArticlePageFactory(section=newsroom["section"], slug="ferries-return")
    assert story.url.encode() in client.get("/sitemap-stories.xml").content


def test_unpublishing_a_story_removes_it_from_its_page_and_the_lists(site_page_cache, newsroom):
    committed = site_page_cache
    story = newsroom["story"]
    client = Client()
    assert client.get(story.url).status_code == 200
    assert b"Harbour reopens" in client.get("/").content
    assert client.get(story.url)["X-Page-Cache"] == client.get("/")["X-Page-Cache"] == "HIT"
    with committed():
        ArticlePage.objects.get(pk=story.pk).unpublish()
    assert client.get(story.url).status_code == 404
    assert b"Harbour reopens" not in client.get("/").content


def test_a_saved_draft_never_reaches_readers(site_page_cache, newsroom):
    committed = site_page_cache
    story = newsroom["story"]
    client = Client()
    client.get(story.url)
    with committed():
        page = ArticlePage.objects.get(pk=story.pk)
        page.title = "Draft headline nobody approved"
        page.save_revision()
    assert b"Draft headline" not in client.get(story.url).content
    assert b"Draft headline" not in Client().get("/").content


def test_an_editor_with_a_session_is_neither_served_nor_stored(
    site_page_cache, newsroom, user_in_group
):
    url = newsroom["story"].url
    editor = Client()
    editor.force_login(user_in_group("Editors"))
    response = editor.get(url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert Client().get(url)["X-Page-Cache"] == "MISS"  # the editor's render was not kept
    assert "X-Page-Cache" not in editor.get(url)


def test_a_page_with_rankings_is_kept_no_longer_than_the_rankings(
    site_page_cache, newsroom, settings
):
    response = Client().get(newsroom["story"].url)
    assert f"s-maxage={settings.NEWSDESK_ANALYTICS_LIST_SECONDS}," in response["Cache-Control"]


def test_a_story_page_names_what_it_shows(site_page_cache, newsroom):
    story, other = newsroom["story"], newsroom["other"]
    keys = Client().get(other.url)["Surrogate-Key"].split()
    assert {f"page-{other.pk}", f"story-{other.pk}", f"story-{story.pk}"} <= set(keys)
    keys = Client().get(story.url)["Surrogate-Key"].split()
    section = newsroom["section"]
    assert {f"in-section-{section.pk}", "by-ada-okafor", "tagged-harbours"} <= set(keys)


def test_section_title_change_shows_on_every_page(site_page_cache, newsroom):
    committed = site_page_cache
    client = Client()
    client.get(newsroom["story"].url)
    assert client.get(newsroom["story"].url)["X-Page-Cache"] == "HIT"
    with committed():
        section = newsroom["section"]
        section.title = "World News"
        section.save_revision().publish()
    page = BeautifulSoup(client.get(newsroom["story"].url).content, "html.parser")
    assert "World News" in page.select_one(".story__header .label").get_text()


def test_editing_a_story_purges_it_and_its_lists_from_the_front_cache(
    site_page_cache, newsroom, settings
):
    committed = site_page_cache
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RecordingBackend.purged = []
    with committed():
        _edit(newsroom["story"], title="Harbour reopens after the storm")
    root = HomePage.objects.get().get_site().root_url
    purged = set(RecordingBackend.purged)
    expected = [newsroom["story"].url, "/", newsroom["section"].url, "/authors/ada-okafor/",
                "/tags/harbours/", "/feeds/rss/", "/sitemap.xml"]  # fmt: skip
    assert {root + path for path in expected} <= purged


@pytest.mark.parametrize(
    "store",
    ["files", pytest.param("redis", marks=pytest.mark.skipif(
        not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set"))],
)  # fmt: skip
def test_an_edit_shows_through_the_shipped_stores(
    site_page_cache, newsroom, settings, tmp_path, store
):
    committed = site_page_cache
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "files": {
                "BACKEND": "newsdesk.core.pagecache.filecache.FileCache",
                "LOCATION": str(tmp_path / "pages"),
            },
            "redis": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": os.environ.get("REDIS_URL", ""),
                "KEY_PREFIX": "test-site-pages",
            },
        }[store],
    }
    caches["pages"].clear()
    url = newsroom["section"].url
    client = Client()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "HIT"
    with committed():
        _edit(newsroom["story"], title="Harbour reopens after the storm")
    response = client.get(url)
    assert response["X-Page-Cache"] == "MISS"
    assert b"Harbour reopens after the storm" in response.content
    caches["pages"].clear()
