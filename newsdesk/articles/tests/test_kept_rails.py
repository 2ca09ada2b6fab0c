"""Rails and navigation are kept between renders, yet every change shows on the next one.

With the page cache off each page is rendered, but the pieces many pages share
are rendered once and kept until something they show changes
(core/pagecache/fragments.py). These pages are read twice before each change,
so the second read comes from what was kept.
"""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from wagtail.models import PageViewRestriction

from newsdesk.articles.models import ArticlePage, MustReads, SectionPage
from newsdesk.core.pagecache.store import page_store

from .factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom():
    world = SectionPageFactory(title="World", slug="world")
    science = SectionPageFactory(title="Science", slug="science")
    reader = ArticlePageFactory(section=world, title="The story being read")
    listed = ArticlePageFactory(section=science, title="Comet seen from the harbour")
    return {"world": world, "science": science, "reader": reader, "listed": listed}


def _read(client, url: str) -> BeautifulSoup:
    client.get(url)  # the first read keeps the pieces; the second uses them
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _titles(page: BeautifulSoup, list_id: str) -> list[str]:
    return [a.get_text() for a in page.select(f"#list-{list_id} ~ * li a")]


def _publish(page, **fields) -> None:
    page = type(page).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_a_new_story_shows_in_the_latest_stories_at_once(client, newsroom):
    url = newsroom["reader"].url
    assert _titles(_read(client, url), "latest") == ["Comet seen from the harbour"]
    ArticlePageFactory(section=newsroom["science"], title="Tide tables rewritten")
    assert _titles(_read(client, url), "latest")[0] == "Tide tables rewritten"


def test_an_edited_headline_shows_in_every_rail_at_once(client, newsroom):
    url = newsroom["reader"].url
    _read(client, url)
    _publish(newsroom["listed"], title="Comet seen from the lighthouse")
    assert _titles(_read(client, url), "latest") == ["Comet seen from the lighthouse"]


def test_an_unpublished_story_leaves_the_rails_at_once(client, newsroom):
    url = newsroom["reader"].url
    _read(client, url)
    ArticlePage.objects.get(pk=newsroom["listed"].pk).unpublish()
    assert _titles(_read(client, url), "latest") == []


def test_a_story_under_a_new_view_restriction_leaves_the_rails_at_once(client, newsroom):
    url = newsroom["reader"].url
    _read(client, url)
    PageViewRestriction.objects.create(
        page=newsroom["science"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert _titles(_read(client, url), "latest") == []


def test_a_changed_must_reads_list_shows_at_once(client, newsroom):
    url = newsroom["reader"].url
    assert _titles(_read(client, url), "must-reads") == []
    must_reads = MustReads.for_site(newsroom["reader"].get_site())
    must_reads.items.create(story=newsroom["listed"], sort_order=0)
    must_reads.save()  # as the admin saves the setting with its items
    assert _titles(_read(client, url), "must-reads") == ["Comet seen from the harbour"]


def test_a_renamed_section_shows_in_the_navigation_at_once(client, newsroom):
    url = newsroom["reader"].url
    nav = _read(client, url).select_one(".section-nav")
    assert [a.get_text() for a in nav.find_all("a")] == ["World", "Science"]
    _publish(SectionPage.objects.get(pk=newsroom["science"].pk), title="Science & Health")
    nav = _read(client, url).select_one(".section-nav")
    assert [a.get_text() for a in nav.find_all("a")] == ["World", "Science & Health"]


def test_the_navigation_marks_each_page_own_section(client, newsroom):
    world = _read(client, newsroom["reader"].url).select_one(".section-nav [aria-current]")
    science = _read(client, newsroom["listed"].url).select_one(".section-nav [aria-current]")
    assert (world.get_text(), science.get_text()) == ("World", "Science")


def test_a_page_built_from_kept_rails_still_names_the_stories_they_show(
    client, site_page_cache, newsroom
):
    url = newsroom["reader"].url
    first = client.get(url)
    caches["pages"].clear()  # the stored page goes, the kept rails stay
    page_store().local_clear()
    again = client.get(url)
    assert again["X-Page-Cache"] == "MISS"
    assert f"story-{newsroom['listed'].pk}" in again["Surrogate-Key"].split()
    assert again["Surrogate-Key"] == first["Surrogate-Key"]
    with site_page_cache():
        _publish(newsroom["listed"], title="Comet seen from the lighthouse")
    response = client.get(url)
    assert response["X-Page-Cache"] == "MISS"
    assert "Comet seen from the lighthouse" in response.content.decode()
