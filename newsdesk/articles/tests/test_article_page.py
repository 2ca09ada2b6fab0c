"""The article page as a reader gets it, part by part."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from newsdesk.articles.models import MustReads

from .factories import ArticlePageFactory, AuthorFactory, NewsImageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def world():
    return SectionPageFactory(title="World", slug="world")


@pytest.fixture
def story(world):
    return ArticlePageFactory(
        section=world,
        title="Harbour towns brace for the spring floods",
        deck="Engineers say the new sea walls will hold; residents are less sure.",
        authors=[
            AuthorFactory(name="Mara Quell", slug="mara-quell", email="mara@newsdesk.example"),
            AuthorFactory(name="Tomas Brenner"),
        ],
        lead_image=NewsImageFactory(caption="The sea wall at dawn.", credit="Reuters, Yonhap"),
    )


def test_skip_links_are_the_first_focusable_elements(client, story):
    page = soup_of(client.get(story.url))
    focusable = page.find_all(["a", "button", "input", "select", "textarea"])
    assert [a["href"] for a in focusable[:3]] == ["/", "#main", "#bottom"]
    assert page.find(id="main").name == "main"
    assert page.find(id="bottom").name == "footer"


def test_page_has_one_h1_the_headline_and_the_landmarks(client, story):
    page = soup_of(client.get(story.url))
    assert [h1.get_text(strip=True) for h1 in page.find_all("h1")] == [story.title]
    for landmark in ("header", "nav", "main", "aside", "footer"):
        assert page.find(landmark) is not None, landmark


def test_byline_links_authors_in_order_with_times(client, story):
    page = soup_of(client.get(story.url))
    byline = page.select_one(".byline__authors")
    assert [a.get_text() for a in byline.find_all("a")] == ["Mara Quell", "Tomas Brenner"]
    assert byline.find("a")["href"] == "/authors/mara-quell/"
    published = page.select_one(".byline__times time")
    assert published["datetime"] == timezone.localtime(story.first_published_at).isoformat()


def test_updated_time_shows_only_after_a_later_publication(client, world):
    first = timezone.now() - timedelta(hours=5)
    fresh = ArticlePageFactory(section=world, first_published_at=first, last_published_at=first)
    updated = ArticlePageFactory(
        section=world, first_published_at=first, last_published_at=first + timedelta(hours=2)
    )
    assert "Updated" not in soup_of(client.get(fresh.url)).select_one(".byline__times").text
    assert "Updated" in soup_of(client.get(updated.url)).select_one(".byline__times").text


def test_lead_image_has_caption_credit_srcset_and_dimensions(client, story):
    page = soup_of(client.get(story.url))
    figure = page.select_one(".figure--lead")
    img = figure.find("img")
    assert len(img["srcset"].split(",")) == 3
    assert img["width"]
    assert img["height"]
    assert img.get("loading") != "lazy"
    caption = figure.find("figcaption").get_text(" ", strip=True)
    assert "The sea wall at dawn." in caption
    assert "Reuters, Yonhap" in caption


def test_deck_body_and_author_box_with_mailto(client, story):
    page = soup_of(client.get(story.url))
    assert page.select_one(".story__deck").get_text() == story.deck
    assert page.select_one(".story__body p")
    boxes = page.select(".author-box")
    assert len(boxes) == 2
    assert boxes[0].find("a", href="mailto:mara@newsdesk.example")


def test_correction_notice_is_shown_with_its_date(client, world):
    story = ArticlePageFactory(
        section=world,
        notice_kind="correction",
        notice_text="An earlier version gave the wrong height for the wall.",
        notice_date=timezone.now() - timedelta(days=1),
    )
    notice = soup_of(client.get(story.url)).select_one(".notice--correction")
    assert "wrong height" in notice.get_text()
    assert notice.find("time")["datetime"]


def test_latest_stories_are_the_five_newest_published_except_this_one(client, world):
    now = timezone.now()
    newest = [
        ArticlePageFactory(section=world, first_published_at=now - timedelta(minutes=m))
        for m in range(1, 8)
    ]
    ArticlePageFactory(section=world, status="draft", title="Unpublished draft")
    page = soup_of(client.get(newest[0].url))
    titles = [a.get_text() for a in page.select("#list-latest ~ ul a")]
    assert titles == [s.title for s in newest[1:6]]
    assert "Unpublished draft" not in page.text


def test_must_reads_keep_the_editors_order_and_drop_unpublished(client, world, story):
    picks = [ArticlePageFactory(section=world) for _ in range(4)]
    must_reads = MustReads.for_site(story.get_site())
    for order, pick in enumerate([picks[2], picks[0], picks[3], picks[1]]):
        must_reads.items.create(story=pick, sort_order=order)
    must_reads.save()
    picks[3].unpublish()

    page = soup_of(client.get(story.url))
    items = page.select("#list-must-reads ~ ol li")
    assert [li.a.get_text() for li in items] == [picks[2].title, picks[0].title, picks[1].title]
    assert items[0].select_one(".label").get_text() == "World"


def test_share_links_need_no_third_party_script(client, story):
    page = soup_of(client.get(story.url))
    share = page.select_one(".share")
    hrefs = [a["href"] for a in share.find_all("a")]
    for network in ("facebook.com", "x.com", "linkedin.com", "wa.me", "mailto:"):
        assert any(network in href for href in hrefs), network
    assert share.find("input", id="share-url")["value"].endswith(story.url)
    for script in page.find_all("script", src=True):
        assert script["src"].startswith("/static/")
    for script in page.find_all("script", src=False):
        assert script["type"] == "application/ld+json"


def test_story_in_a_private_section_stays_out_of_lists(client, world, story):
    private = SectionPageFactory(title="Staff only", slug="staff-only")
    hidden = ArticlePageFactory(section=private, title="For staff eyes only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    page = soup_of(client.get(story.url))
    assert "For staff eyes only" not in page.text
    assert "Staff only" not in page.select_one(".section-nav").text
    assert client.get(hidden.url).status_code == 302


def test_a_section_made_private_leaves_lists_at_once_and_returns_when_opened(client, story):
    section = SectionPageFactory(title="Inquiry desk", slug="inquiry-desk")
    inside = ArticlePageFactory(section=section, title="Inquiry opens its files")
    assert "Inquiry desk" in soup_of(client.get(story.url)).select_one(".section-nav").text
    restriction = PageViewRestriction.objects.create(page=section, restriction_type="login")
    assert "Inquiry desk" not in soup_of(client.get(story.url)).select_one(".section-nav").text
    assert client.get(inside.url).status_code == 302
    restriction.delete()
    assert "Inquiry desk" in soup_of(client.get(story.url)).select_one(".section-nav").text
    assert client.get(inside.url).status_code == 200


def test_draft_story_is_not_served(client, world):
    draft = ArticlePageFactory(section=world, status="draft")
    assert client.get(draft.url).status_code == 404


def test_page_carries_nothing_per_visitor(client, story):
    first = client.get(story.url)
    second = client.get(story.url, HTTP_USER_AGENT="another reader")
    assert first.content == second.content
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert "Cookie" not in first.get("Vary", "")
    assert not first.cookies
