"""The site is kept between renders, yet every change shows on the next one.

Each process keeps the site serving a host (core/sites.py). These pages are
read twice before each change, so the second read comes from what was kept.
"""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from .factories import ArticlePageFactory, NewsImageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    world = SectionPageFactory(title="World", slug="world")
    return ArticlePageFactory(
        section=world, title="Harbour reopens", lead_image=NewsImageFactory(caption="The quay")
    )


def _read(client, url: str) -> BeautifulSoup:
    client.get(url)  # the first read keeps the site; the second uses it
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_a_changed_site_shows_in_the_story_links_at_once(client, story):
    site = Site.objects.get(is_default_site=True)
    canonical = _read(client, story.url).select_one("link[rel=canonical]")["href"]
    assert canonical.startswith(f"{site.root_url}/")
    site.hostname, site.port = "news.example", 443
    site.save()
    canonical = _read(client, story.url).select_one("link[rel=canonical]")["href"]
    assert canonical.startswith("https://news.example/")
