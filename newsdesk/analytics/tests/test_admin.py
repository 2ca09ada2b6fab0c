"""The editors' readership view and their pin / keep-out controls, through the admin."""

import time

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from newsdesk.analytics.services import beacon_turn_away, read_record, reads_maintain
from newsdesk.articles.tests.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    story = ArticlePageFactory(section=SectionPageFactory(), title="Much read", lead_image=None)
    for i in range(3):
        read_record(article_id=story.pk, meta={"REMOTE_ADDR": f"192.0.2.{i}"}, at=time.time())
    beacon_turn_away(reason="bot")
    reads_maintain()  # the worker's job: with Redis, charts show reads once flushed
    return story


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("group", ["Editors", "Administrators"])
def test_editors_see_readership_with_charts_tables_top_lists_and_outcomes(
    client, user_in_group, story, group
):
    client.force_login(user_in_group(group))
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("analytics_readership") in menu

    page = soup(client.get(reverse("analytics_readership")))

    charts = page.select("svg.readership-chart[role=img]")
    assert len(charts) == 2
    assert "3 reads in all" in charts[0]["aria-label"]
    hourly_rows = page.find(id="chart-hourly").find_parent("section").select("tbody tr")
    assert len(hourly_rows) == 48
    assert hourly_rows[-1].find("td").get_text() == "3"
    assert len(page.find(id="chart-daily").find_parent("section").select("tbody tr")) == 30
    for top in ("top-popular", "top-weekly"):
        row = page.find(id=top).find_parent("section").select_one("tbody tr")
        assert "Much read" in row.get_text()
    outcomes = page.find(id="outcomes").find_parent("section").get_text(" ")
    assert "counted 3" in " ".join(outcomes.split())
    assert "bot 1" in " ".join(outcomes.split())


def test_a_storys_readership_page_is_linked_from_the_page_listing(client, user_in_group, story):
    client.force_login(user_in_group("Editors"))
    url = reverse("analytics_readership_story", args=[story.pk])
    listing = client.get(reverse("wagtailadmin_explore", args=[story.section_id]))
    assert url in listing.content.decode()
    assert url in client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content.decode()

    page = soup(client.get(url))

    figures = page.select_one(".readership-figures").get_text(" ", strip=True)
    assert "Views in all 3" in figures
    assert len(page.select("svg.readership-chart")) == 2


def test_reporters_cannot_see_readership(client, user_in_group, story):
    client.force_login(user_in_group("Reporters"))
    assert (
        reverse("analytics_readership")
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
    # Wagtail's admin turns a refusal into a redirect home with a message.
    assert client.get(reverse("analytics_readership")).status_code in (302, 403)
    url = reverse("analytics_readership_story", args=[story.pk])
    assert client.get(url).status_code in (302, 403)
    assert (
        url
        not in client.get(reverse("wagtailadmin_explore", args=[story.section_id])).content.decode()
    )


def popular_now_titles(client) -> list[str]:
    home = BeautifulSoup(client.get("/").content, "html.parser")
    popular = home.find(id="list-popular-now").find_parent("section")
    return [a.get_text(strip=True) for a in popular.select("li a")]


def test_editors_can_keep_a_story_out_through_the_admin(client, user_in_group, story):
    client.force_login(user_in_group("Editors"))
    reads_maintain()
    assert story.title in popular_now_titles(client)
    add = reverse("wagtailsnippets_analytics_rankingoverride:add")
    assert client.get(add).status_code == 200
    response = client.post(
        add,
        {"story": story.pk, "action": "keep_out", "ranking": "both", "position": 1, "note": "Hold"},
    )
    assert response.status_code == 302
    assert story.title not in popular_now_titles(client)


def test_reporters_cannot_pin(client, user_in_group):
    client.force_login(user_in_group("Reporters"))
    add = reverse("wagtailsnippets_analytics_rankingoverride:add")
    assert client.get(add).status_code in (302, 403)
