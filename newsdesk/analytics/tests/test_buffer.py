"""Both stores take beacons in batches: nothing is written until a batch is full, and a
batch decides de-duplication and the rate limit read by read, as single reads would."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdesk.analytics.models import BeaconTally, StoryReads
from newsdesk.analytics.store import Read


@pytest.fixture
def batched(settings):
    settings.NEWSDESK_ANALYTICS_BUFFER_MS = 3_600_000  # the timer never fires during a test
    settings.NEWSDESK_ANALYTICS_BUFFER_SIZE = 50


@pytest.mark.parametrize("store", ["database"], indirect=True)
def test_reads_wait_in_the_buffer_until_a_batch_is_full(store, batched):
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


def test_a_batch_counts_as_the_same_reads_one_by_one_would(store, batched, settings):
    settings.NEWSDESK_ANALYTICS_RATE_LIMIT = 3
    now = time.time()
    store.maintain(now=now)  # an empty Redis answers only once the worker has set it up
    reads = [
        # One reader twice on story 1 (a duplicate), once on story 2.
        Read(article_id=1, visitor="reader", client="a", at=now),
        Read(article_id=1, visitor="reader", client="a", at=now + 1),
        Read(article_id=2, visitor="reader", client="a", at=now + 2),
        # One address over the limit of 3: its 4th and 5th reads are ignored.
        *(Read(article_id=3, visitor=f"v{i}", client="busy", at=now + i) for i in range(5)),
    ]
    reads += [Read(article_id=4, visitor=f"w{i}", client=f"c{i}", at=now) for i in range(42)]
    assert len(reads) == 50
    for read in reads[:-1]:
        store.record(read=read)
    store.tally(reason="bot", at=now)
    assert store.views(article_ids=[1, 2, 3, 4]) == {}
    store.record(read=reads[-1])

    assert store.views(article_ids=[1, 2, 3, 4]) == {1: 1, 2: 1, 3: 3, 4: 42}
    store.flush()
    tallies = dict(BeaconTally.objects.values_list("reason", "count"))
    assert tallies == {"counted": 47, "duplicate": 1, "rate_limited": 2, "bot": 1}
