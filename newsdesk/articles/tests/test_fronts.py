"""Home page, section fronts, author and tag pages, pagination and error pages."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from django.utils import timezone

from newsdesk.articles.models import HomePage

from .factories import ArticlePageFactory, AuthorFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def stories_in(section, count, hours_ago=0, **kwargs):
    now = timezone.now()
    return [
        ArticlePageFactory(
            section=section, first_published_at=now - timedelta(hours=hours_ago + i), **kwargs
        )
        for i in range(count)
    ]


def test_home_shows_lead_story_and_newest_stories_per_section(client):
    world = SectionPageFactory(title="World", slug="world")
    business = SectionPageFactory(title="Business", slug="business")
    world_stories = stories_in(world, 6)
    stories_in(business, 2, hours_ago=10)

    page = soup_of(client.get("/"))

    lead = page.select_one(".front__lead .card__headline").get_text(strip=True)
    assert lead == world_stories[0].title
    world_block = page.find(id="front-world").find_parent("section")
    assert [h.get_text(strip=True) for h in world_block.select(".card__headline")] == [
        s.title for s in world_stories[1:5]
    ]
    business_block = page.find(id="front-business").find_parent("section")
    assert len(business_block.select(".card__headline")) == 2
    assert page.find(id="list-latest")
    assert page.find(id="list-must-reads")


def test_home_lead_story_can_be_chosen_by_editors(client):
    world = SectionPageFactory()
    older, _newer = stories_in(world, 2)[::-1]
    home = HomePage.objects.get()
    home.lead_story = older
    home.save_revision().publish()
    page = soup_of(client.get("/"))
    assert page.select_one(".front__lead .card__headline").get_text(strip=True) == older.title


def test_section_front_paginates_twenty_a_page(client):
    world = SectionPageFactory(slug="world")
    stories = stories_in(world, 23)
    first = soup_of(client.get("/world/"))
    assert len(first.select(".listing .card")) == 20
    assert first.find("a", rel="next")["href"] == "?page=2"
    second = soup_of(client.get("/world/?page=2"))
    assert [h.get_text(strip=True) for h in second.select(".card__headline")] == [
        s.title for s in stories[20:]
    ]


@pytest.mark.parametrize("number", ["3", "0", "-1", "x", "1e3", "99999999999", "2.0", ""])
def test_bad_page_numbers_are_404_not_500(client, number):
    world = SectionPageFactory(slug="world")
    stories_in(world, 21)
    response = client.get("/world/", {"page": number})
    assert response.status_code == (200 if number == "" else 404)


def test_section_front_lists_only_its_own_published_stories(client):
    world = SectionPageFactory(slug="world")
    asia = SectionPageFactory(slug="asia")
    mine = ArticlePageFactory(section=world)
    other = ArticlePageFactory(section=asia)
    draft = ArticlePageFactory(section=world, status="draft")
    text = soup_of(client.get("/world/")).get_text()
    assert mine.title in text
    assert other.title not in text.split("Must-Reads")[0]
    assert draft.title not in text


def test_author_page_lists_their_stories_with_contact(client):
    world = SectionPageFactory()
    author = AuthorFactory(name="Ines Calder", email="ines@newsdesk.example")
    theirs = ArticlePageFactory(section=world, authors=[author])
    not_theirs = ArticlePageFactory(section=world)
    page = soup_of(client.get(author.get_absolute_url()))
    assert page.find("h1").get_text() == "Ines Calder"
    assert page.find("a", href="mailto:ines@newsdesk.example")
    assert theirs.title in page.text
    assert not_theirs.title not in page.text


def test_tag_page_lists_tagged_stories(client):
    world = SectionPageFactory()
    tagged = ArticlePageFactory(section=world, tags=["sea walls"])
    untagged = ArticlePageFactory(section=world)
    page = soup_of(client.get("/tags/sea-walls/"))
    assert tagged.title in page.text
    assert untagged.title not in page.text


def test_unknown_author_and_tag_are_404(client):
    assert client.get("/authors/nobody/").status_code == 404
    assert client.get("/tags/nothing/").status_code == 404


def test_custom_404_page(client):
    response = client.get("/no-such-story/")
    assert response.status_code == 404
    assert "We can't find that page" in response.content.decode()


@override_settings(ROOT_URLCONF="newsdesk.articles.tests.broken_urls")
def test_custom_500_page(client):
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
