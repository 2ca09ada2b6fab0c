"""You May Also Like on the article page, as readers and editors meet it."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.template import Context, Template

from newsdesk.articles.tests.factories import DRAFT
from newsdesk.recommendations.services import related_pending_process

pytestmark = pytest.mark.django_db


def related_list(client, story) -> list[tuple[str, str, str]]:
    """Return (section label, headline, link) of each story in the page's You May Also Like."""
    response = client.get(story.url)
    assert response.status_code == 200
    section = BeautifulSoup(response.content, "html.parser").find(id="list-related").parent
    return [
        (item.select_one(".label").get_text(), item.find("a").get_text(), item.find("a")["href"])
        for item in section.select("li")
    ]


def titles(shown) -> list[str]:
    return [title for _, title, _ in shown]


@pytest.fixture
def newsroom(story_on):
    """Published stories on three beats, with their lists computed by the worker."""
    stories = {
        topic: [story_on(topic, days_ago=day) for day in range(1, 8)]
        for topic in ("space", "farming", "courts")
    }
    related_pending_process()
    return stories


def test_article_shows_five_numbered_related_stories_on_its_beat(client, newsroom, story_on):
    story = story_on("space", days_ago=0)
    related_pending_process()
    response = client.get(story.url)
    page = BeautifulSoup(response.content, "html.parser")
    heading = page.find(id="list-related")
    assert heading.get_text() == "You May Also Like"
    assert heading.find_next("ol") is not None
    shown = related_list(client, story)
    assert len(shown) == 5
    assert set(titles(shown)) <= {s.title for s in newsroom["space"]}
    assert {label for label, _, _ in shown} == {"Science"}
    assert story.url not in [link for _, _, link in shown]


def test_related_list_sits_between_weekly_best_and_popular_now(client, newsroom):
    story = newsroom["space"][0]
    page = BeautifulSoup(client.get(story.url).content, "html.parser")
    titles = [h.get_text() for h in page.select(".rail h2")]
    assert titles.index("You May Also Like") == titles.index("Latest Stories") + 2


def test_a_new_story_appears_in_the_lists_of_the_stories_it_resembles(client, newsroom, story_on):
    older = newsroom["farming"][-1]
    follow_up = story_on("farming", days_ago=0, title=older.title, deck=older.deck)
    related_pending_process()
    assert related_list(client, older)[0][2] == follow_up.url


def test_of_two_equally_close_stories_the_more_recent_comes_first(client, story_on):
    text = {"title": "Rocket launch orbit", "deck": "Satellite mission booster payload."}
    story = story_on("space", days_ago=1, **text)
    old = story_on("space", days_ago=200, **text)
    recent = story_on("space", days_ago=2, **text)
    related_pending_process()
    links = [link for _, _, link in related_list(client, story)]
    assert links.index(recent.url) < links.index(old.url)


def test_withdrawn_and_unpublished_stories_never_show(client, newsroom, story_on):
    story = newsroom["courts"][0]
    withdrawn = newsroom["courts"][1]
    withdrawn.unpublish()
    draft = story_on("courts", status=DRAFT)
    related_pending_process()
    shown = titles(related_list(client, story))
    assert withdrawn.title not in shown
    assert draft.title not in shown
    assert len(shown) == 5


def test_stories_published_without_a_signal_are_still_found(client, newsroom, story_on):
    imported = story_on("space", days_ago=0.5, revision=False)
    trigger = story_on("space", days_ago=0)
    related_pending_process()
    assert imported.title in titles(related_list(client, trigger))


def test_rebuild_command_computes_every_list(client, story_on):
    stories = [story_on(topic) for topic in ("space", "space", "farming", "farming")]
    out = io.StringIO()
    call_command("related_rebuild", stdout=out)
    assert "rebuilt for 4 stories" in out.getvalue()
    assert titles(related_list(client, stories[0]))[0] == stories[1].title


def test_related_list_costs_one_query_beyond_the_view_restriction_check(
    newsroom, django_assert_max_num_queries
):
    template = Template("{% load recommendation_tags %}{% related_stories page %}")
    context = Context({"page": newsroom["space"][0]})
    template.render(context)  # Wagtail caches the site's root paths on first use.
    with django_assert_max_num_queries(2):
        html = template.render(context)
    assert html.count("<li>") == 5
