"""A story's route and the site are kept between renders, yet every change shows on the next one.

Each process keeps the site serving a host and the rows a reader's story or
section path routes to (articles/views.py, core/sites.py). These pages are
read twice before each change, so the second read comes from what was kept.
"""

import pytest
from bs4 import BeautifulSoup
from taggit.models import Tag
from wagtail.models import Site

from newsdesk.articles.models import ArticleAuthor, ArticlePage, ArticleTag, Author, NewsImage
from newsdesk.articles.views import _route_load
from newsdesk.core.pagecache.store import page_store

from .factories import (
    ArticlePageFactory,
    AuthorFactory,
    NewsImageFactory,
    SectionPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    world = SectionPageFactory(title="World", slug="world")
    return ArticlePageFactory(
        section=world, title="Harbour reopens", lead_image=NewsImageFactory(caption="The quay")
    )


def read_kept(client, url: str) -> BeautifulSoup:
    """Read a page twice and return the second: the first read keeps what it can."""
    client.get(url)
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _headline(page: BeautifulSoup) -> str:
    return page.select_one("h1").get_text(strip=True)


def test_a_published_headline_shows_on_the_story_at_once(client, story):
    read_kept(client, story.url)
    page = ArticlePage.objects.get(pk=story.pk)
    page.title = "Harbour reopens after storm"
    page.save_revision().publish()
    assert _headline(read_kept(client, story.url)) == "Harbour reopens after storm"


def test_a_story_saved_without_a_revision_shows_at_once(client, story):
    read_kept(client, story.url)
    ArticlePage.objects.filter(pk=story.pk).update(title="Not yet")  # no signal: still kept
    assert _headline(read_kept(client, story.url)) == "Harbour reopens"
    page = ArticlePage.objects.get(pk=story.pk)
    page.title = "Harbour reopens after storm"
    page.save()
    assert _headline(read_kept(client, story.url)) == "Harbour reopens after storm"


def test_an_edited_lead_image_shows_at_once(client, story):
    assert "The quay" in read_kept(client, story.url).get_text()
    image = NewsImage.objects.get(pk=story.lead_image_id)
    image.caption = "The quay at dawn"
    image.save()
    assert "The quay at dawn" in read_kept(client, story.url).get_text()


def _bylines(page: BeautifulSoup) -> list[str]:
    return [a.get_text() for a in page.select(".byline__authors a")]


def test_a_byline_added_without_a_revision_shows_at_once(client, story):
    author = AuthorFactory(name="Ines Ward")
    before = _bylines(read_kept(client, story.url))
    ArticleAuthor.objects.create(page=story, author=author, sort_order=9)
    assert _bylines(read_kept(client, story.url)) == [*before, "Ines Ward"]


def test_a_renamed_author_shows_at_once(client, story):
    read_kept(client, story.url)
    author = Author.objects.get(article_links__page=story)
    author.name = "Renamed Reporter"
    author.save()
    assert _bylines(read_kept(client, story.url)) == ["Renamed Reporter"]


def test_a_tag_added_without_a_revision_shows_at_once(client, story):
    tag = Tag.objects.create(name="Typhoons")
    assert "Typhoons" not in read_kept(client, story.url).get_text()
    ArticleTag.objects.create(content_object=story, tag=tag)
    assert "Typhoons" in read_kept(client, story.url).get_text()


def test_an_unpublished_story_is_gone_at_once(client, story):
    read_kept(client, story.url)
    ArticlePage.objects.get(pk=story.pk).unpublish()
    assert client.get(story.url).status_code == 404


def test_a_clearing_in_another_process_drops_the_kept_route(client, story):
    read_kept(client, story.url)
    ArticlePage.objects.filter(pk=story.pk).update(title="Changed elsewhere")
    assert _headline(read_kept(client, story.url)) == "Harbour reopens"
    page_store().invalidate({"all"})  # another process's clearing: the generation moves
    assert _headline(read_kept(client, story.url)) == "Changed elsewhere"


def test_a_changed_site_shows_in_the_story_links_at_once(client, story):
    site = Site.objects.get(is_default_site=True)
    canonical = read_kept(client, story.url).select_one("link[rel=canonical]")["href"]
    assert canonical.startswith(f"{site.root_url}/")
    site.hostname, site.port = "news.example", 443
    site.save()
    canonical = read_kept(client, story.url).select_one("link[rel=canonical]")["href"]
    assert canonical.startswith("https://news.example/")


def test_an_editor_reads_the_story_afresh(client, story, user_in_group):
    client.force_login(user_in_group("Editors"))
    read_kept(client, story.url)
    ArticlePage.objects.filter(pk=story.pk).update(title="Seen by the editor")
    assert _headline(read_kept(client, story.url)) == "Seen by the editor"


def test_each_render_gets_its_own_instances(story):
    kept = _route_load("/home/", ("world", story.slug))
    first, second = kept.result().page, kept.result().page
    assert first is not second
    assert first.section is not second.section
    assert first.lead_image is not second.lead_image
    first.title = "Changed in one thread"
    first.body  # noqa: B018 - a StreamField value is built per instance too
    assert second.title == "Harbour reopens"
    assert first.body is not second.body
