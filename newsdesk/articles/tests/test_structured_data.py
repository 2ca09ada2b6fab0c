"""NewsArticle JSON-LD, breadcrumbs, Open Graph and Twitter cards, parsed from the page."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from .factories import ArticlePageFactory, AuthorFactory, NewsImageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return ArticlePageFactory(
        section=SectionPageFactory(title="Asia", slug="asia"),
        title='Typhoon "Lior" </script> nears the coast',
        authors=[AuthorFactory(name="Mara Quell", slug="mara-quell")],
        lead_image=NewsImageFactory(),
        notice_kind="correction",
        notice_text="An earlier version misstated the wind speed.",
        notice_date=timezone.now() - timedelta(hours=1),
    )


def head_of(client, story):
    return BeautifulSoup(client.get(story.url).content, "html.parser")


def json_ld(page):
    return {
        block["@type"]: block
        for block in (
            json.loads(s.string) for s in page.select('script[type="application/ld+json"]')
        )
    }


def test_news_article_json_ld(client, story):
    data = json_ld(head_of(client, story))["NewsArticle"]
    assert data["headline"] == story.title
    assert data["datePublished"]
    assert data["dateModified"]
    assert data["author"][0]["name"] == "Mara Quell"
    assert data["author"][0]["url"].endswith("/authors/mara-quell/")
    assert data["publisher"]["logo"]["url"].endswith("logo.png")
    assert data["image"][0].startswith("http")
    assert data["correction"]["text"] == story.notice_text


def test_json_ld_cannot_be_closed_by_a_headline(client, story):
    html = client.get(story.url).content.decode()
    head = html.split("</head>")[0]
    assert "</script> nears" not in head


def test_breadcrumbs(client, story):
    crumbs = json_ld(head_of(client, story))["BreadcrumbList"]["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Home", "Asia", story.title]
    assert [c["position"] for c in crumbs] == [1, 2, 3]


def test_open_graph_twitter_and_canonical(client, story):
    page = head_of(client, story)
    meta = {
        m.get("property") or m.get("name"): m["content"]
        for m in page.find_all("meta")
        if m.get("content")
    }
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical.endswith(story.url)
    assert canonical.startswith("http")
    assert meta["og:type"] == "article"
    assert meta["og:title"] == story.title
    assert meta["og:description"] == story.deck
    assert meta["og:url"] == canonical
    assert meta["og:image"].startswith("http")
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["article:section"] == "Asia"
