"""Query budgets of uncached pages, and that they hold however busy a story gets.

The rails' ranking lists are kept in the cache on their own schedule, so each
page is measured on its second request: what a page-cache miss costs.
"""

import time

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdesk.analytics.services import read_record, reads_maintain
from newsdesk.articles.tests.factories import ArticlePageFactory, AuthorFactory, SectionPageFactory
from newsdesk.comments.tests.factories import CommentFactory, bulk_comments
from newsdesk.core.pagecache.fragments import fragments_forget
from newsdesk.recommendations.services import related_pending_process

pytestmark = pytest.mark.django_db
ARTICLE_BUDGET = 15
HOME_BUDGET = 20


def queries_of(client, url: str) -> int:
    cache.clear()
    fragments_forget()  # so the first request fills the caches (rankings, renditions) afresh
    assert client.get(url).status_code == 200
    fragments_forget()  # the budget of a render that builds its rails and comments too
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def make_busy(story, others) -> None:
    """Give the story threads with replies, reads across the site and computed related lists."""
    bulk_comments(story, 60)  # 60 threads, 30 replies
    now = time.time()
    for rank, other in enumerate([story, *others]):
        for n in range(12 - rank % 12):
            read_record(article_id=other.pk, meta={"REMOTE_ADDR": f"198.51.100.{n}"}, at=now)
    reads_maintain()
    related_pending_process()


def test_article_and_home_stay_in_budget_however_busy_the_story(client, settings, tmp_path):
    settings.NEWSDESK_RELATED_INDEX_PATH = str(tmp_path / "related.joblib")
    section = SectionPageFactory(title="World", slug="world")
    authors = [AuthorFactory(), AuthorFactory()]
    story = ArticlePageFactory(section=section, authors=authors, tags=["ports", "weather"])
    CommentFactory(page=story)  # with none at all, the replies query is skipped
    reads_maintain()  # the worker has run, as on a live site: Redis, if used, is ready
    quiet = (queries_of(client, story.url), queries_of(client, "/"))

    others = [ArticlePageFactory(section=section, revision=False) for _ in range(11)]
    make_busy(story, others)
    page = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert page.select_one("[data-comments-count]").get_text() == "91"
    assert "Comment 59" not in page.get_text()  # 50 threads a page
    busy = (queries_of(client, story.url), queries_of(client, "/"))

    assert busy == quiet
    assert busy[0] <= ARTICLE_BUDGET, busy
    assert busy[1] <= HOME_BUDGET, busy
