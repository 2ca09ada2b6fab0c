"""You May Also Like on a cached page follows an edit of a story it lists."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from newsdesk.articles.models import ArticlePage
from newsdesk.recommendations.services import related_pending_process

pytestmark = pytest.mark.django_db


def test_editing_a_related_story_shows_in_the_cached_lists_of_others(site_page_cache, story_on):
    committed = site_page_cache
    stories = [story_on("space", days_ago=day) for day in range(1, 5)]
    related_pending_process()
    story = stories[0]
    client = Client()
    page = BeautifulSoup(client.get(story.url).content, "html.parser")
    listed = page.find(id="list-related").find_next("ol").find("a")["href"]
    related = ArticlePage.objects.get(url_path__endswith=listed.split("/")[-2] + "/")
    assert client.get(story.url)["X-Page-Cache"] == "HIT"
    with committed():
        related.title = "Launch window moves to the spring"
        related.save_revision().publish()
    page = BeautifulSoup(client.get(story.url).content, "html.parser")
    rail = page.find(id="list-related").find_next("ol")
    assert "Launch window moves to the spring" in rail.get_text()


def _related_links(client, story) -> list[str]:
    page = BeautifulSoup(client.get(story.url).content, "html.parser")
    return [a["href"] for a in page.find(id="list-related").parent.select("li a")]


def test_lists_the_worker_writes_show_at_once_on_rendered_pages(client, story_on):
    story = story_on("space", days_ago=1)
    others = [story_on("space", days_ago=day) for day in range(2, 5)]
    assert _related_links(client, story) == []  # not computed yet; kept as it is
    related_pending_process()  # the worker writes the story's list: nothing is published
    assert set(_related_links(client, story)) == {other.url for other in others}


def test_lists_the_worker_writes_clear_the_cached_story_page(site_page_cache, story_on):
    committed = site_page_cache
    story = story_on("space", days_ago=1)
    others = [story_on("space", days_ago=day) for day in range(2, 5)]
    client = Client()
    assert _related_links(client, story) == []
    assert client.get(story.url)["X-Page-Cache"] == "HIT"
    with committed():
        related_pending_process()
    assert set(_related_links(client, story)) == {other.url for other in others}
