"""Only stories a reader may see are ever found: never drafts, scheduled, withdrawn or private."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from newsdesk.articles.tests.factories import DRAFT, SCHEDULED

pytestmark = pytest.mark.django_db


def found(client, query: str) -> list[str]:
    page = BeautifulSoup(client.get("/search/", {"q": query}).content, "html.parser")
    return [h.get_text() for h in page.select(".search-result__headline")]


def test_only_published_stories_are_found(client, story, sections):
    story("Comet seen live")
    story("Comet draft", status=DRAFT)
    story("Comet scheduled", status=SCHEDULED, go_live_at=timezone.now() + timedelta(days=2))
    story("Comet withdrawn").unpublish()
    private = story("Comet private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert found(client, "comet") == ["Comet seen live"]


def test_stories_in_a_private_section_are_not_found(client, story, sections):
    story("Comet in business", section="business")
    PageViewRestriction.objects.create(page=sections["business"], restriction_type="login")
    assert found(client, "comet") == []


def test_an_unpublished_edit_of_a_live_story_is_not_searchable(client, story):
    live = story("Comet seen live", text="The comet was visible at dusk.")
    draft = live.get_latest_revision_as_object()
    draft.title = "Asteroid draft headline"
    draft.save_revision()
    assert found(client, "asteroid") == []
    assert found(client, "comet") == ["Comet seen live"]
