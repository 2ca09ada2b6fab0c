"""Public pages under random query strings: paging, feeds and sitemaps answer with a
page or a 404, never a server error."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdesk.core.tests.fuzz import fuzz, query_values

from .factories import ArticlePageFactory, AuthorFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def paths():
    section = SectionPageFactory(title="World", slug="world")
    author = AuthorFactory(slug="mara-quell")
    ArticlePageFactory(section=section, authors=[author], tags=["floods"], lead_image=None)
    return {
        "page": ["/", section.url, f"/authors/{author.slug}/", "/tags/floods/"],
        "p": ["/sitemap-stories.xml", "/sitemap-fronts.xml", "/sitemap.xml"],
        "feeds": ["/feeds/rss/", f"/feeds/sections/{section.slug}/atom/"],
    }


@fuzz
@given(value=query_values(), index=st.integers(0, 3))
def test_page_numbers_give_a_page_or_a_404(client, paths, value, index):
    response = client.get(paths["page"][index], {"page": value})

    assert response.status_code in {200, 404}, value


@fuzz
@given(value=query_values(), index=st.integers(0, 2))
def test_sitemap_page_numbers_give_a_sitemap_or_a_404(client, paths, value, index):
    response = client.get(paths["p"][index], {"p": value})

    assert response.status_code in {200, 404}, value


@fuzz
@given(
    params=st.dictionaries(st.sampled_from(["p", "page", "q"]), query_values()),
    index=st.integers(0, 1),
)
def test_feeds_ignore_any_query_string(client, paths, params, index):
    response = client.get(paths["feeds"][index], params)

    assert response.status_code == 200, params
