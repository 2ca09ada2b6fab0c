"""A story scheduled for T goes live within the worker's interval of T, with no cron."""

import threading
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from newsdesk.articles.models import ArticlePage
from newsdesk.core.worker import PeriodicJob, worker_run

from .factories import ArticlePageFactory, SectionPageFactory


def scheduled_story(go_live_at):
    return ArticlePageFactory(
        section=SectionPageFactory(), status="scheduled", go_live_at=go_live_at
    )


@pytest.mark.django_db
def test_scheduled_story_stays_off_the_site_until_its_time(client):
    story = scheduled_story(timezone.now() + timedelta(days=30))

    call_command("worker", "--once")

    assert client.get(story.url).status_code == 404
    assert not ArticlePage.objects.published().filter(pk=story.pk).exists()


@pytest.mark.django_db
def test_worker_run_once_publishes_a_story_whose_time_has_come(client):
    story = scheduled_story(timezone.now() + timedelta(seconds=1))
    assert client.get(story.url).status_code == 404
    time.sleep(1.1)

    call_command("worker", "--once")

    assert client.get(story.url).status_code == 200


class LiveWatch:
    """A job noting when the story is live, run in the worker's thread after each pass.

    The test's in-memory SQLite locks whole tables across threads, so the test
    itself does not read while the worker runs.
    """

    def __init__(self, pk: int):
        self.pk = pk
        self.live = threading.Event()

    def is_due(self, now: float) -> bool:
        return not self.live.is_set()

    def run(self, now: float) -> None:
        if ArticlePage.objects.filter(pk=self.pk, live=True).exists():
            self.live.set()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_running_worker_publishes_on_time(client):
    go_live_at = timezone.now() + timedelta(seconds=2)
    story = scheduled_story(go_live_at)
    assert client.get(story.url).status_code == 404

    stop = threading.Event()
    publishing = PeriodicJob(path="newsdesk.articles.services.scheduled_pages_publish", interval=1)
    watch = LiveWatch(story.pk)
    worker = threading.Thread(
        target=worker_run, kwargs={"jobs": [publishing, watch], "stop": stop, "tick": 0.2}
    )
    worker.start()
    went_live = watch.live.wait(timeout=20)
    stop.set()
    worker.join()

    assert went_live
    story.refresh_from_db()
    assert story.first_published_at >= go_live_at
    assert story.first_published_at - go_live_at < timedelta(seconds=5)
    assert client.get(story.url).status_code == 200
