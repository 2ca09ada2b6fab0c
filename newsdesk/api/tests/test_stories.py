"""/api/v2/stories/: the fields a news app shows, the filters, the order and the paging."""

from datetime import timedelta

import pytest
from django.utils import timezone

from newsdesk.api import selectors
from newsdesk.articles.tests.factories import AuthorFactory, NewsImageFactory

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"


def headlines(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["headline"] for item in response.json()["items"]]


def test_a_listed_story_carries_what_a_story_card_shows(client, story):
    image = NewsImageFactory(title="Cranes at dawn", caption="Cranes.", credit="Newsdesk Photo")
    first, second = AuthorFactory(name="Ada Byline"), AuthorFactory(name="Ben Second")
    published = story(
        "Harbour crane moved",
        authors=[first, second],
        tags=["ports", "Cranes"],
        lead_image=image,
        lead_image_caption="The crane leaves the quay.",
        notice_kind="correction",
        notice_text="An earlier version gave the wrong quay.",
    )
    item = client.get("/api/v2/stories/").json()["items"][0]
    assert item["id"] == published.pk
    assert item["detail_url"] == f"{SITE}/api/v2/stories/{published.pk}/"
    assert item["url"] == f"{SITE}{published.url}"
    assert item["headline"] == "Harbour crane moved"
    assert item["deck"] == "The deck of Harbour crane moved."
    assert item["section"] == {
        "id": published.section.pk,
        "title": "World",
        "slug": "world",
        "url": f"{SITE}/world/",
    }
    assert [(a["name"], a["url"]) for a in item["authors"]] == [
        ("Ada Byline", f"{SITE}/authors/{first.slug}/"),
        ("Ben Second", f"{SITE}/authors/{second.slug}/"),
    ]
    assert [(t["name"], t["url"]) for t in item["tags"]] == [
        ("Cranes", f"{SITE}/tags/cranes/"),
        ("ports", f"{SITE}/tags/ports/"),
    ]
    assert item["first_published_at"].endswith("Z")
    assert item["updated_at"] is None
    lead = item["lead_image"]
    assert (lead["alt"], lead["caption"], lead["credit"]) == (
        "Cranes at dawn",
        "The crane leaves the quay.",
        "Newsdesk Photo",
    )
    assert set(lead["renditions"]) == {"thumbnail", "medium", "large"}
    assert (
        lead["renditions"]["thumbnail"]["width"],
        lead["renditions"]["thumbnail"]["height"],
    ) == (
        400,
        225,
    )
    assert lead["renditions"]["large"]["url"].startswith(f"{SITE}/media/images/")
    assert item["notice"]["kind"] == "correction"
    assert item["notice"]["text"] == "An earlier version gave the wrong quay."
    assert "body" not in item


def test_a_list_leaves_the_bodies_unread_and_a_detail_reads_its_own(story):
    story("Long story")
    assert "body" in selectors.stories_for_api().first().get_deferred_fields()
    assert "body" not in selectors.stories_for_detail().first().get_deferred_fields()


def test_an_update_after_the_grace_period_shows_its_time(client, story):
    first = timezone.now() - timedelta(hours=5)
    story("Updated story", first_published_at=first, last_published_at=first + timedelta(hours=2))
    item = client.get("/api/v2/stories/").json()["items"][0]
    assert item["updated_at"] is not None
    assert item["updated_at"] > item["first_published_at"]


def test_the_detail_adds_the_body_with_rendered_rich_text_and_usable_images(client, story):
    image = NewsImageFactory(title="Quay at night", caption="The quay.", credit="Agency")
    published = story(
        "Quay reopens",
        body=[
            {"type": "paragraph", "value": "<p>The quay <b>reopened</b> on Monday.</p>"},
            {"type": "subheading", "value": "What next"},
            {"type": "image", "value": {"image": image.pk, "caption": "", "credit": "Port staff"}},
        ],
    )
    response = client.get(f"/api/v2/stories/{published.pk}/")
    assert response.status_code == 200
    detail = response.json()
    assert detail["headline"] == "Quay reopens"
    blocks = [(block["type"], block["value"]) for block in detail["body"]]
    assert blocks[0] == ("paragraph", "<p>The quay <b>reopened</b> on Monday.</p>")
    assert blocks[1] == ("subheading", "What next")
    kind, inline = blocks[2]
    assert kind == "image"
    assert (inline["alt"], inline["caption"], inline["credit"]) == (
        "Quay at night",
        "The quay.",
        "Port staff",
    )
    assert inline["renditions"]["medium"]["width"] == 800


def test_the_body_comes_as_markdown_when_asked(client, story):
    published = story("Markdown story", body=[{"type": "paragraph", "value": "<p>A <b>b</b></p>"}])
    response = client.get(f"/api/v2/stories/{published.pk}/", {"rich_text_format": "markdown"})
    assert response.json()["body"][0]["value"].strip() == "A **b**"


def test_stories_come_newest_first_and_page_by_limit_and_offset(client, story):
    for hours in (3, 1, 2):
        story(f"{hours} hours old", hours_ago=hours)
    assert headlines(client.get("/api/v2/stories/")) == [
        "1 hours old",
        "2 hours old",
        "3 hours old",
    ]
    response = client.get("/api/v2/stories/", {"limit": 1, "offset": 1})
    assert headlines(response) == ["2 hours old"]
    assert response.json()["meta"]["total_count"] == 3
    assert headlines(client.get("/api/v2/stories/", {"offset": 3})) == []


def test_stories_filter_by_section_author_and_tag(client, story):
    reporter = AuthorFactory(slug="ada-byline")
    story("World and tagged", tags=["elections"], authors=[reporter])
    story("World only")
    story("Business and tagged", section="business", tags=["elections"])
    assert headlines(client.get("/api/v2/stories/", {"section": "business"})) == [
        "Business and tagged"
    ]
    assert headlines(client.get("/api/v2/stories/", {"author": "ada-byline"})) == [
        "World and tagged"
    ]
    assert sorted(headlines(client.get("/api/v2/stories/", {"tag": "elections"}))) == [
        "Business and tagged",
        "World and tagged",
    ]
    both = client.get("/api/v2/stories/", {"tag": "elections", "section": "world"})
    assert headlines(both) == ["World and tagged"]


@pytest.mark.parametrize("name", ["section", "author", "tag"])
def test_a_filter_naming_nothing_is_a_400_that_says_so(client, story, name):
    story("Any story")
    response = client.get("/api/v2/stories/", {name: "no-such-thing"})
    assert response.status_code == 400
    assert response.json() == {"message": f"no {name} has the slug 'no-such-thing'"}


def test_hidden_stories_are_in_no_list_no_filter_and_no_detail(client, story, hidden_stories):
    story("Public story", tags=["secret"])
    assert headlines(client.get("/api/v2/stories/")) == ["Public story"]
    assert client.get("/api/v2/stories/").json()["meta"]["total_count"] == 1
    assert headlines(client.get("/api/v2/stories/", {"tag": "secret"})) == ["Public story"]
    assert headlines(client.get("/api/v2/stories/", {"author": "hidden-hand"})) == []
    for hidden in hidden_stories:
        response = client.get(f"/api/v2/stories/{hidden.pk}/")
        assert response.status_code == 404, hidden.title
        assert response.json() == {"message": "No ArticlePage matches the given query."}


def test_a_story_in_a_private_section_stays_out(client, story, sections):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    story("Members story", section="business")
    restriction = PageViewRestriction.objects.create(
        page=sections["business"], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Editors"))
    assert headlines(client.get("/api/v2/stories/")) == []
    assert client.get("/api/v2/stories/", {"section": "business"}).status_code == 400
