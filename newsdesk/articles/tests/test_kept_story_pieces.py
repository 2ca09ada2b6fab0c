"""A story's body and head tags are kept between readers' renders, yet every edit shows at once.

A reader's render keeps them per live revision (articles/templatetags/article_tags.py,
core/pagecache/fragments.py); an editor's render and a preview build them afresh.
Pages here are read twice before each change, so the second read is from what was kept.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.template import Context, Template
from django.test import RequestFactory

from newsdesk.articles.models import ArticleAuthor, ArticlePage
from newsdesk.core.pagecache.collector import collecting
from newsdesk.core.pagecache.fragments import fragments_forget
from newsdesk.core.pagecache.store import page_store

from .factories import DRAFT, ArticlePageFactory, AuthorFactory, SectionPageFactory
from .test_kept_routes import read_kept

pytestmark = pytest.mark.django_db


def _paragraph(html: str) -> list[dict]:
    return [{"type": "paragraph", "value": html}]


@pytest.fixture
def story():
    world = SectionPageFactory(title="World", slug="world")
    # A draft is in no rail, so only the body's link names it on the page.
    linked = ArticlePageFactory(section=world, title="The linked story", status=DRAFT)
    body = _paragraph(f'<p>The quay <a linktype="page" id="{linked.pk}">reopened</a> today.</p>')
    page = ArticlePageFactory(section=world, title="Harbour reopens", body=body)
    page.linked = linked
    return page


def _body(page: BeautifulSoup) -> str:
    return page.select_one(".story__body").get_text(" ", strip=True)


def _og_title(page: BeautifulSoup) -> str:
    return page.select_one('meta[property="og:title"]')["content"]


def test_a_published_body_shows_at_once(client, story):
    assert "reopened today" in _body(read_kept(client, story.url))
    page = ArticlePage.objects.get(pk=story.pk)
    page.body = _paragraph("<p>The quay closed again at dusk.</p>")
    page.save_revision().publish()
    assert _body(read_kept(client, story.url)) == "The quay closed again at dusk."


def test_a_published_headline_shows_in_the_head_tags_at_once(client, story):
    page = read_kept(client, story.url)
    assert _og_title(page) == "Harbour reopens"
    story = ArticlePage.objects.get(pk=story.pk)
    story.title = "Harbour reopens after storm"
    story.save_revision().publish()
    page = read_kept(client, story.url)
    assert _og_title(page) == "Harbour reopens after storm"
    assert (
        "Harbour reopens after storm"
        in page.select_one('script[type="application/ld+json"]').string
    )


def test_a_clearing_in_another_process_drops_the_kept_body(client, story):
    read_kept(client, story.url)
    ArticlePage.objects.filter(pk=story.pk).update(
        body=_paragraph("<p>Changed elsewhere.</p>"), title="Changed elsewhere"
    )  # no signal: still kept here
    assert "reopened today" in _body(read_kept(client, story.url))
    page_store().invalidate({"all"})  # another process's clearing: the generation moves
    page = read_kept(client, story.url)
    assert (_body(page), _og_title(page)) == ("Changed elsewhere.", "Changed elsewhere")


def test_an_editor_sees_the_story_afresh(client, story, user_in_group):
    read_kept(client, story.url)  # a reader's render keeps the pieces
    ArticlePage.objects.filter(pk=story.pk).update(
        body=_paragraph("<p>Seen by the editor.</p>"), title="Seen by the editor"
    )
    client.force_login(user_in_group("Editors"))
    page = read_kept(client, story.url)
    assert (_body(page), _og_title(page)) == ("Seen by the editor.", "Seen by the editor")


def _render(page, source: str) -> str:
    request = RequestFactory().get(page.url)
    template = Template("{% load article_tags %}" + source)
    return template.render(Context({"request": request, "page": page, "authors": [], "tags": []}))


def test_a_new_live_revision_is_rendered_even_before_any_clearing(story):
    page = ArticlePage.objects.get(pk=story.pk)
    assert "reopened" in _render(page, "{% story_body page %}")
    # As another process's publish reads here before its clearing arrives.
    newer = ArticlePage.objects.get(pk=story.pk)
    newer.body = _paragraph("<p>Republished.</p>")
    newer.title = "Republished"
    newer.last_published_at += datetime.timedelta(minutes=5)
    assert "Republished." in _render(newer, "{% story_body page %}")
    assert 'content="Republished"' in _render(newer, "{% story_meta page %}")
    same = ArticlePage.objects.get(pk=story.pk)
    same.body = _paragraph("<p>Not republished.</p>")
    assert "reopened" in _render(same, "{% story_body page %}")  # the same revision is kept


def test_a_kept_body_records_the_pages_it_links_to(story):
    page = ArticlePage.objects.get(pk=story.pk)
    for _ in range(2):  # rendered, then kept
        with collecting() as collection:
            _render(page, "{% story_body page %}")
        assert f"story-{story.linked.pk}" in collection.tags


def _page_cache_clear() -> None:
    caches["pages"].clear()
    page_store().local_clear()


def test_a_page_built_from_kept_pieces_names_what_a_fresh_render_does(
    client, site_page_cache, story
):
    client.get(story.url)  # makes the images' renditions, which clears what is kept
    _page_cache_clear()
    fragments_forget()
    first = client.get(story.url)  # every piece rendered
    assert f"story-{story.linked.pk}" in first["Surrogate-Key"].split()
    _page_cache_clear()  # the stored page goes, the kept pieces stay
    again = client.get(story.url)
    assert again["X-Page-Cache"] == "MISS"
    assert again.content == first.content
    assert again["Surrogate-Key"] == first["Surrogate-Key"]


def _lead_caption(page: BeautifulSoup) -> str:
    return page.select_one(".figure--lead figcaption").get_text(" ", strip=True)


def test_a_lead_image_credit_and_a_published_caption_show_at_once(client, story):
    story.lead_image_caption = "The quay at dawn."
    story.save_revision().publish()
    story.lead_image.credit = "Ines Vall"
    story.lead_image.save()
    assert _lead_caption(read_kept(client, story.url)) == "The quay at dawn. Photo: Ines Vall"
    story.lead_image.credit = "Port Office"
    story.lead_image.save()
    assert _lead_caption(read_kept(client, story.url)) == "The quay at dawn. Photo: Port Office"
    page = ArticlePage.objects.get(pk=story.pk)
    page.lead_image_caption = "The quay at dusk."
    page.save_revision().publish()
    assert _lead_caption(read_kept(client, story.url)) == "The quay at dusk. Photo: Port Office"


def test_an_author_box_follows_the_author_and_the_bylines(client, story):
    first, second = AuthorFactory(name="Mara Quell", bio="Covers ports."), AuthorFactory()
    ArticleAuthor.objects.create(page=story, author=first)
    names = [box["aria-label"] for box in read_kept(client, story.url).select(".author-box")]
    assert "About Mara Quell" in names
    first.bio = "Covers ports and shipping."
    first.save()
    assert (
        "Covers ports and shipping."
        in read_kept(client, story.url).select_one(".story__footer").get_text()
    )
    ArticleAuthor.objects.create(page=story, author=second)
    names = [box["aria-label"] for box in read_kept(client, story.url).select(".author-box")]
    assert f"About {second.name}" in names
