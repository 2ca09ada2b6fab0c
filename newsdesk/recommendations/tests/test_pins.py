"""Editors pin related stories by hand in the admin; pins lead the list."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from newsdesk.recommendations.models import RelatedPins
from newsdesk.recommendations.services import related_pending_process

pytestmark = pytest.mark.django_db


def pins_form(*, story, pinned) -> dict:
    data = {
        "story": story.pk,
        "items-TOTAL_FORMS": len(pinned),
        "items-INITIAL_FORMS": 0,
        "items-MIN_NUM_FORMS": 0,
        "items-MAX_NUM_FORMS": 5,
    }
    for order, page in enumerate(pinned):
        data |= {f"items-{order}-related": page.pk, f"items-{order}-ORDER": order + 1}
    return data


def related_links(client, story) -> list[str]:
    page = BeautifulSoup(client.get(story.url).content, "html.parser")
    return [a["href"] for a in page.find(id="list-related").parent.select("li a")]


@pytest.fixture
def editor(client, user_in_group):
    client.force_login(user_in_group("Editors"))
    return client


def test_editor_pins_stories_and_they_come_first_in_order(editor, client, story_on):
    story = story_on("space")
    others = [story_on("space") for _ in range(5)]
    unrelated = [story_on("courts"), story_on("farming")]
    related_pending_process()
    add_url = reverse(RelatedPins.snippet_viewset.get_url_name("add"))
    response = editor.post(add_url, pins_form(story=story, pinned=unrelated))
    assert response.status_code == 302
    related_pending_process()
    client.logout()
    links = related_links(client, story)
    assert links[:2] == [unrelated[0].url, unrelated[1].url]
    assert links[2:] == [s.url for s in others if s.url in links[2:]]
    assert len(links) == 5


def test_editor_cannot_pin_a_story_to_itself(editor, story_on):
    story = story_on("space")
    add_url = reverse(RelatedPins.snippet_viewset.get_url_name("add"))
    response = editor.post(add_url, pins_form(story=story, pinned=[story]))
    assert response.status_code == 200
    assert "cannot be related to itself" in response.content.decode()
    assert not RelatedPins.objects.exists()


def test_removing_pins_restores_the_computed_list(editor, client, story_on):
    story = story_on("space")
    close = story_on("space")
    far = story_on("courts")
    pins = RelatedPins.objects.create(story=story)
    pins.items.create(related=far)
    related_pending_process()
    delete_url = reverse(RelatedPins.snippet_viewset.get_url_name("delete"), args=[pins.pk])
    assert editor.post(delete_url).status_code == 302
    related_pending_process()
    client.logout()
    assert related_links(client, story)[0] == close.url


def test_reporters_cannot_manage_pins(client, user_in_group):
    client.force_login(user_in_group("Reporters"))
    index_url = reverse(RelatedPins.snippet_viewset.get_url_name("list"))
    assert client.get(index_url).status_code == 302
