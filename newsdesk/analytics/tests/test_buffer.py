"""The database store writes beacons in batches, not one transaction per read."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdesk.analytics.models import StoryReads
from newsdesk.analytics.store import Read

pytestmark = pytest.mark.parametrize("store", ["database"], indirect=True)


def test_reads_wait_in_the_buffer_until_a_batch_is_full(store, settings):
    settings.NEWSDESK_ANALYTICS_BUFFER_MS = 3_600_000  # the timer never fires during the test
    settings.NEWSDESK_ANALYTICS_BUFFER_SIZE = 50
    now = time.time()
    with CaptureQueriesContext(connection) as queries:
        for i in range(49):
            store.record(read=Read(article_id=1, visitor=str(i), client=str(i), at=now))
    assert len(queries) == 0
    assert not StoryReads.objects.exists()
    with CaptureQueriesContext(connection) as queries:
        store.record(read=Read(article_id=1, visitor="last", client="last", at=now))
    assert StoryReads.objects.get(article_id=1).total == 50
    assert len(queries) < 20  # one transaction with a fixed number of statements
