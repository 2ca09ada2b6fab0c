"""/api/v2/popular-now/ and /api/v2/weekly-best/: the rails' lists, for apps."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from newsdesk.analytics.models import RankingOverride
from newsdesk.analytics.services import read_record, reads_maintain

pytestmark = pytest.mark.django_db


def reads(story, count, *, hours_ago=0.0):
    at = time.time() - hours_ago * 3600
    for i in range(count):
        read_record(article_id=story.pk, meta={"REMOTE_ADDR": f"192.0.2.{i}"}, at=at)
    reads_maintain()


def headlines(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["headline"] for item in response.json()["items"]]


def test_popular_now_and_weekly_best_rank_by_their_own_windows(client, story):
    steady = story("Read all week", hours_ago=72)
    breaking = story("Breaking now")
    reads(steady, 12, hours_ago=30)  # out of Popular Now's 24 hours, inside the week
    reads(steady, 1)
    reads(breaking, 3)
    assert headlines(client.get("/api/v2/popular-now/")) == ["Breaking now", "Read all week"]
    assert headlines(client.get("/api/v2/weekly-best/")) == ["Read all week", "Breaking now"]


def test_weekly_best_of_a_section_holds_only_its_stories(client, story):
    reads(story("Business hit", section="business"), 5)
    reads(story("World hit"), 9)
    response = client.get("/api/v2/weekly-best/", {"section": "business"})
    assert headlines(response) == ["Business hit"]
    assert client.get("/api/v2/weekly-best/", {"section": "sport"}).status_code == 400


def test_rankings_page_like_the_other_lists(client, story):
    for count in (1, 2, 3):
        reads(story(f"{count} reads"), count)
    response = client.get("/api/v2/weekly-best/", {"limit": 1, "offset": 1})
    assert headlines(response) == ["2 reads"]
    assert response.json()["meta"]["total_count"] == 3


def test_editors_pins_keep_their_place(client, story):
    pinned = story("Pinned story", hours_ago=24 * 10)  # older than a week: only a pin shows it
    reads(story("Most read"), 5)
    RankingOverride.objects.create(
        story=pinned, ranking=RankingOverride.POPULAR_NOW, action=RankingOverride.PIN, position=1
    )
    assert headlines(client.get("/api/v2/popular-now/")) == ["Pinned story", "Most read"]


def test_hidden_stories_never_rank_however_much_they_were_read(client, story, hidden_stories):
    reads(story("Public story"), 1)
    for hidden in hidden_stories:
        reads(hidden, 50)
        RankingOverride.objects.create(
            story=hidden,
            ranking=RankingOverride.BOTH,
            action=RankingOverride.PIN,
            position=1,
            until=timezone.now() + timedelta(days=1),
        )
    assert headlines(client.get("/api/v2/popular-now/")) == ["Public story"]
    assert headlines(client.get("/api/v2/weekly-best/")) == ["Public story"]
    assert headlines(client.get("/api/v2/weekly-best/", {"section": "world"})) == ["Public story"]
