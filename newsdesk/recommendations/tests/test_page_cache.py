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
