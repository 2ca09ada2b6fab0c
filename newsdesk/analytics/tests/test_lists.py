"""Popular Now and Weekly Best as readers see them in the rails."""

import time
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.utils import timezone

from newsdesk.analytics.models import RankingOverride
from newsdesk.analytics.services import read_record, reads_maintain
from newsdesk.articles.tests.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


def reads(story, count, *, hours_ago=0.0):
    at = time.time() - hours_ago * 3600
    for i in range(count):
        read_record(article_id=story.pk, meta={"REMOTE_ADDR": f"192.0.2.{i}"}, at=at)
    reads_maintain()  # the worker's job: with Redis, it moves reads to the database too


def rail_titles(client, url, list_id):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    section = page.find(id=f"list-{list_id}").find_parent("section")
    return [a.get_text(strip=True) for a in section.select("li a")]


def rail_order(client, url):
    """Return the rail's lists in order, leaving out lists other features add."""
    ours = {"Latest Stories", "Weekly Best", "Popular Now", "Must-Reads"}
    page = BeautifulSoup(client.get(url).content, "html.parser")
    titles = [h.get_text(strip=True) for h in page.select(".rail .story-list__title")]
    return [title for title in titles if title in ours]


@pytest.fixture
def world():
    return SectionPageFactory(title="World", slug="world")


def story_in(section, title, *, days_old=0.0, **kwargs):
    published = timezone.now() - timedelta(days=days_old)
    return ArticlePageFactory(
        section=section, title=title, lead_image=None, first_published_at=published, **kwargs
    )


def test_rails_show_the_lists_in_the_product_order(client, world):
    story = story_in(world, "Only story")
    assert rail_order(client, story.url) == [
        "Latest Stories",
        "Weekly Best",
        "Popular Now",
        "Must-Reads",
    ]
    assert rail_order(client, "/") == ["Latest Stories", "Popular Now", "Weekly Best", "Must-Reads"]
    assert rail_order(client, world.url) == ["Weekly Best", "Must-Reads"]


def test_popular_now_favours_recent_reads_and_weekly_best_counts_the_week(client, world):
    steady = story_in(world, "Read all week", days_old=3)
    breaking = story_in(world, "Breaking now")
    reads(steady, 12, hours_ago=30)  # out of Popular Now's 24 hours, inside the week
    reads(steady, 1)
    reads(breaking, 3)
    assert rail_titles(client, "/", "popular-now") == ["Breaking now", "Read all week"]
    assert rail_titles(client, "/", "weekly-best") == ["Read all week", "Breaking now"]


def test_both_lists_leave_out_stories_older_than_a_week_and_unpublished_ones(client, world):
    old = story_in(world, "Old favourite", days_old=8)
    gone = story_in(world, "Withdrawn story")
    fresh = story_in(world, "Fresh story")
    for story, count in ((old, 9), (gone, 5), (fresh, 1)):
        reads(story, count)
    gone.unpublish()
    cache.clear()
    assert rail_titles(client, "/", "weekly-best") == ["Fresh story"]
    assert rail_titles(client, "/", "popular-now") == ["Fresh story"]


def test_editors_pin_and_keep_out_stories(client, world):
    stories = [story_in(world, f"Story {n}") for n in range(1, 5)]
    for story, count in zip(stories, (8, 6, 4, 2), strict=True):
        reads(story, count)
    RankingOverride.objects.create(story=stories[0], action=RankingOverride.KEEP_OUT)
    RankingOverride.objects.create(
        story=stories[3], action=RankingOverride.PIN, position=1, ranking="weekly_best"
    )
    RankingOverride.objects.create(
        story=stories[1],
        action=RankingOverride.KEEP_OUT,
        until=timezone.now() - timedelta(minutes=1),  # expired: no effect
    )
    assert rail_titles(client, "/", "weekly-best") == ["Story 4", "Story 2", "Story 3"]
    assert rail_titles(client, "/", "popular-now") == ["Story 2", "Story 3", "Story 4"]


def test_a_section_shows_its_own_weekly_best(client, world):
    business = SectionPageFactory(title="Business", slug="business")
    ours = story_in(world, "World story")
    theirs = story_in(business, "Business story")
    reads(theirs, 9)
    reads(ours, 2)
    assert rail_titles(client, world.url, "weekly-best") == ["World story"]
    assert rail_titles(client, business.url, "weekly-best") == ["Business story"]


def test_lists_are_cached_briefly_and_editors_changes_show_at_once(client, world):
    first, second = story_in(world, "First"), story_in(world, "Second")
    reads(first, 2)
    assert rail_titles(client, "/", "popular-now") == ["First"]
    reads(second, 5)
    assert rail_titles(client, "/", "popular-now") == ["First"]  # cached for a minute
    RankingOverride.objects.create(story=first, action=RankingOverride.KEEP_OUT)
    assert rail_titles(client, "/", "popular-now") == ["Second"]


def test_a_deleted_story_leaves_the_cached_lists_at_once(client, world):
    doomed, kept = story_in(world, "Doomed"), story_in(world, "Kept")
    reads(doomed, 5)
    reads(kept, 2)
    assert rail_titles(client, "/", "popular-now") == ["Doomed", "Kept"]
    doomed.delete()
    assert rail_titles(client, "/", "popular-now") == ["Kept"]
    assert rail_titles(client, "/", "weekly-best") == ["Kept"]
