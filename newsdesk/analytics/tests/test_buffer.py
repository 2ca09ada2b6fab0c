"""Both stores take beacons in batches: requests only append, a drainer thread writes a
batch at a time, and a batch decides de-duplication and the rate limit read by read, as
single reads would."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdesk.analytics.models import BeaconTally, StoryReads
from newsdesk.analytics.store import Read
from newsdesk.analytics.store.buffer import read_buffer


@pytest.fixture
def batched(settings, monkeypatch):
    """Buffering on, with the drainer's timer far off; the test drains as the thread would."""
    settings.NEWSDESK_ANALYTICS_BUFFER_MS = 3_600_000
    settings.NEWSDESK_ANALYTICS_BUFFER_SIZE = 50
    monkeypatch.setattr(read_buffer, "drainer_ensure", lambda: None)
    read_buffer.drainer_wait(0)  # a wake-up left by an earlier test


@pytest.mark.parametrize("store", ["database"], indirect=True)
def test_reads_wait_in_the_buffer_and_a_full_batch_wakes_the_drainer(store, batched):
    now = time.time()
    with CaptureQueriesContext(connection) as queries:
        for i in range(49):
            store.record(read=Read(article_id=1, visitor=str(i), client=str(i), at=now))
        assert not read_buffer._full.is_set()
        for i in range(51):
            store.record(read=Read(article_id=1, visitor=f"b{i}", client=f"b{i}", at=now))
    assert len(queries) == 0
    assert read_buffer._full.is_set()
    assert not StoryReads.objects.exists()
    with CaptureQueriesContext(connection) as queries:
        store.buffer_drain()
    assert StoryReads.objects.get(article_id=1).total == 100
    transactions = [q for q in queries if q["sql"].upper().startswith(("BEGIN", "SAVEPOINT"))]
    assert len(transactions) == 2  # one per batch of 50


def test_a_batch_counts_as_the_same_reads_one_by_one_would(store, batched, settings):
    settings.NEWSDESK_ANALYTICS_RATE_LIMIT = 3
    window = settings.NEWSDESK_ANALYTICS_RATE_WINDOW
    now = time.time() // window * window  # the busy address's five reads share one window
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
    store.record(read=reads[-1])
    assert store.views(article_ids=[1, 2, 3, 4]) == {}
    store.buffer_drain()

    assert store.views(article_ids=[1, 2, 3, 4]) == {1: 1, 2: 1, 3: 3, 4: 42}
    store.flush()
    tallies = dict(BeaconTally.objects.values_list("reason", "count"))
    assert tallies == {"counted": 47, "duplicate": 1, "rate_limited": 2, "bot": 1}


def test_requests_help_write_when_the_drainer_falls_behind(store, batched):
    store.maintain(now=time.time())  # an empty Redis answers only once the worker has set it up
    now = time.time()
    for i in range(199):
        store.record(read=Read(article_id=1, visitor=f"v{i}", client=f"c{i}", at=now))
    assert store.views(article_ids=[1]) == {}
    store.record(read=Read(article_id=1, visitor="v199", client="c199", at=now))
    assert store.views(article_ids=[1]) == {1: 50}  # the 200th read wrote one batch
    store.buffer_drain()
    assert store.views(article_ids=[1]) == {1: 200}
