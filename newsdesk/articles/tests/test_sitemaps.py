"""sitemap.xml, the news sitemap and robots.txt, validated against the sitemap schemas."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from lxml import etree

from .factories import ArticlePageFactory, AuthorFactory, SectionPageFactory

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "schemas"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def schema(name):
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def valid_xml(client, url, schema_name):
    response = client.get(url)
    assert response.status_code == 200
    document = etree.fromstring(response.content)
    checker = schema(schema_name)
    assert checker.validate(document), checker.error_log
    return document


@pytest.fixture
def stories():
    world = SectionPageFactory(slug="world")
    now = timezone.now()
    recent = ArticlePageFactory(section=world, first_published_at=now - timedelta(hours=3))
    old = ArticlePageFactory(section=world, first_published_at=now - timedelta(days=5))
    draft = ArticlePageFactory(section=world, status="draft")
    return {"recent": recent, "old": old, "draft": draft}


def test_sitemap_index_lists_valid_sitemaps(client, stories):
    index = valid_xml(client, "/sitemap.xml", "siteindex.xsd")
    locations = [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]
    assert any(loc.endswith("/sitemap-stories.xml") for loc in locations)
    for loc in locations:
        path = loc.split("//", 1)[1].split("/", 1)[1]
        valid_xml(client, "/" + path, "sitemap.xsd")


def test_story_sitemap_has_published_stories_with_lastmod(client, stories):
    urlset = valid_xml(client, "/sitemap-stories.xml", "sitemap.xsd")
    urls = {u.findtext("sm:loc", namespaces=NS): u for u in urlset.findall("sm:url", NS)}
    paths = {loc.split("//", 1)[1].split("/", 1)[1] for loc in urls}
    assert stories["recent"].url.lstrip("/") in paths
    assert stories["old"].url.lstrip("/") in paths
    assert stories["draft"].url.lstrip("/") not in paths
    assert all(u.findtext("sm:lastmod", namespaces=NS) for u in urls.values())


def test_story_sitemap_pages_past_fifty_thousand(client, stories, monkeypatch):
    from newsdesk.articles.sitemaps import StorySitemap

    monkeypatch.setattr(StorySitemap, "limit", 1)
    index = valid_xml(client, "/sitemap.xml", "siteindex.xsd")
    pages = [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS) if "stories" in loc.text]
    assert len(pages) == 2
    assert pages[1].endswith("?p=2")


def test_news_sitemap_holds_the_last_48_hours(client, stories):
    urlset = valid_xml(client, "/sitemap-news.xml", "sitemap.xsd")
    news_schema = schema("sitemap-news.xsd")
    entries = urlset.findall("sm:url", NS)
    assert len(entries) == 1
    assert entries[0].findtext("sm:loc", namespaces=NS).endswith(stories["recent"].url)
    news = entries[0].find("news:news", NS)
    assert news_schema.validate(news), news_schema.error_log
    assert news.findtext("news:title", namespaces=NS) == stories["recent"].title


def test_robots_txt_points_at_the_sitemaps(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: " in text
    assert "/sitemap.xml" in text
    assert "/sitemap-news.xml" in text
    assert "Disallow: /admin/" in text


def test_author_sitemap_lists_only_authors_with_published_stories(client, stories):
    AuthorFactory(name="Nobody Yet", slug="nobody-yet")
    urlset = valid_xml(client, "/sitemap-authors.xml", "sitemap.xsd")
    assert not any("nobody-yet" in u.text for u in urlset.findall("sm:url/sm:loc", NS))
