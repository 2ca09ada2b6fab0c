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


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_running_worker_publishes_on_time(client):
    go_live_at = timezone.now() + timedelta(seconds=2)
    story = scheduled_story(go_live_at)
    assert client.get(story.url).status_code == 404

    stop = threading.Event()
    job = PeriodicJob(path="newsdesk.articles.services.scheduled_pages_publish", interval=1)
    worker = threading.Thread(target=worker_run, kwargs={"jobs": [job], "stop": stop, "tick": 0.2})
    worker.start()
    # The test's in-memory SQLite locks whole tables across threads, so the worker
    # runs alone and the publication time it stamped is checked afterwards.
    time.sleep(5)
    stop.set()
    worker.join()

    story.refresh_from_db()
    assert story.live
    assert story.first_published_at >= go_live_at
    assert story.first_published_at - go_live_at < timedelta(seconds=5)
    assert client.get(story.url).status_code == 200
