"""A page of search results costs the same queries however many stories it shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdesk.articles.tests.factories import NewsImageFactory

pytestmark = pytest.mark.django_db


def queries_for_search(client, query: str) -> int:
    client.get("/search/", {"q": query})  # Wagtail caches the site's root paths on first use.
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return len(queries)


def story_with_inline_image(story, title: str, image):
    """A story whose body holds an inline image, the block that needs a database row."""
    page = story(title, text="The harbour crane was moved at dawn.")
    page.body = [
        ("paragraph", page.body[0].value),
        ("image", {"image": image, "caption": "The crane.", "credit": "Newsdesk"}),
    ]
    page.save_revision().publish()
    return page


def test_a_page_of_results_costs_the_same_queries_for_one_story_or_twenty(client, story):
    image = NewsImageFactory()
    story_with_inline_image(story, "Harbour crane one", image)
    story("Unrelated market report", text="Prices held steady.")
    one = queries_for_search(client, "harbour crane")
    for number in range(2, 21):
        story_with_inline_image(story, f"Harbour crane {number}", image)
    twenty = queries_for_search(client, "harbour crane")
    assert one == twenty
