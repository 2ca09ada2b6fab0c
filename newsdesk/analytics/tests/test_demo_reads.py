"""demo_reads makes counts, rankings and charts alive, and a second run changes nothing."""

import pytest
from django.core.management import call_command

from newsdesk.analytics.models import HourlyReads, StoryReads
from newsdesk.analytics.selectors import articles_popular_now, articles_weekly_best, story_views
from newsdesk.articles.tests.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


def test_demo_reads_seeds_once_and_bulk_adds_the_rest(store):
    section = SectionPageFactory()
    stories = [ArticlePageFactory(section=section, lead_image=None) for _ in range(3)]
    call_command("demo_reads")
    counts = dict(StoryReads.objects.values_list("article_id", "total"))
    assert set(counts) == {s.pk for s in stories}
    assert HourlyReads.objects.exists()
    assert len(articles_popular_now(limit=5)) == 3
    assert len(articles_weekly_best(limit=5)) == 3
    assert story_views(article_id=stories[0].pk) == counts[stories[0].pk]

    call_command("demo_reads")
    assert dict(StoryReads.objects.values_list("article_id", "total")) == counts

    more = ArticlePageFactory(section=section, lead_image=None)
    StoryReads.objects.filter(article_id=more.pk).delete()
    call_command("demo_reads", "--bulk")
    assert StoryReads.objects.filter(article_id=more.pk).exists()
    assert (
        dict(StoryReads.objects.exclude(article_id=more.pk).values_list("article_id", "total"))
        == counts
    )
