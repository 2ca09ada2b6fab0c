"""The read store's contract, on every backend: counts and rankings match a
reference computed from the same scripted reads, at window edges, hour
boundaries and ties; de-duplication, the rate limit, and crash safety."""

import math
import uuid

import pytest

from newsdesk.analytics.models import StoryReads
from newsdesk.analytics.store import Read
from newsdesk.analytics.store.base import POPULAR_HOURS, WEEK_HOURS, half_life, hour_of

H = 3600
BASE = 1_800_000_000 // H * H  # an hour's start; the store only knows the times it is given


def record(store, story, at, *, visitor=None, client=None):
    store.record(
        read=Read(
            article_id=story,
            visitor=visitor or uuid.uuid4().hex,
            client=client or uuid.uuid4().hex[:16],
            at=at,
        )
    )


def settle(store, now):
    store.flush()
    store.maintain(now=now)


def reference_weekly(reads, now):
    scores = {}
    for story, at in reads:
        if at <= now and hour_of(at) > hour_of(now) - WEEK_HOURS:
            scores[story] = scores.get(story, 0) + 1
    return scores


def reference_popular(reads, now):
    scores = {}
    for story, at in reads:
        if at <= now and hour_of(at) > hour_of(now) - POPULAR_HOURS:
            scores[story] = scores.get(story, 0) + math.pow(2, -(now - at) / half_life())
    return scores


def ranked(scores):
    return sorted(scores, key=lambda story: (-scores[story], -story))


SCRIPT = sorted(
    [(1, BASE + 600)] * 5  # hour 0
    + [(2, BASE + H - 1)] * 5  # the last second of hour 0
    + [(3, BASE + H)] * 5  # the first second of hour 1
    + [(4, BASE + 23 * H)] * 3  # 4 and 5 tie exactly
    + [(5, BASE + 23 * H)] * 3
    + [(6, BASE + 100 * H + 5)] * 8
    + [(7, BASE + 167 * H + 3599)]
    + [(8, BASE + 1800)] * 2
    + [(8, BASE + 150 * H)] * 2,
    key=lambda read: read[1],
)
CHECKPOINTS = [
    BASE + 2 * H,
    BASE + 24 * H - 1,  # hour 0 still in Popular Now
    BASE + 24 * H,  # hour 0 has left it
    BASE + 25 * H,  # and hour 1
    BASE + 110 * H,
    BASE + WEEK_HOURS * H - 1,  # hour 0 still in Weekly Best
    BASE + WEEK_HOURS * H,  # hour 0 has left it
    BASE + (WEEK_HOURS + 1) * H + 1,
    BASE + 200 * H,
    BASE + 400 * H,  # everything has left both windows; t0 was renormalised on the way
]


def test_rankings_match_the_reference_at_every_checkpoint(store):
    done = 0
    for now in CHECKPOINTS:
        while done < len(SCRIPT) and SCRIPT[done][1] <= now:
            record(store, *SCRIPT[done])
            done += 1
        settle(store, now)
        seen = SCRIPT[:done]

        weekly = reference_weekly(seen, now)
        assert store.top_weekly(offset=0, limit=50) == [(s, weekly[s]) for s in ranked(weekly)]

        popular = reference_popular(seen, now)
        got = store.top_popular(offset=0, limit=50, now=now)
        assert [story for story, _ in got] == ranked(popular), now - BASE
        for story, score in got:
            assert score == pytest.approx(popular[story], rel=1e-9)


def test_ties_rank_the_newest_story_first(store):
    for story in (11, 12, 10):
        record(store, story, BASE + 60)
    settle(store, BASE + 120)
    assert [s for s, _ in store.top_weekly(offset=0, limit=3)] == [12, 11, 10]
    assert [s for s, _ in store.top_popular(offset=0, limit=3, now=BASE + 120)] == [12, 11, 10]


def test_pages_of_a_ranking_join_up(store):
    for story in range(1, 13):
        for _ in range(story % 5 + 1):
            record(store, story, BASE + story)
    settle(store, BASE + H)
    whole = store.top_weekly(offset=0, limit=20)
    assert store.top_weekly(offset=0, limit=5) + store.top_weekly(offset=5, limit=15) == whole
    assert len(whole) == 12


def test_views_count_every_read_for_ever(store):
    for at in (BASE, BASE + 10 * 24 * H, BASE + 40 * 24 * H):
        record(store, 5, at)
        settle(store, at)
    assert store.views(article_ids=[5, 6]) == {5: 3}
    assert store.weekly_of(article_ids=[5, 6]) == {5: 1}


def test_same_visitor_counts_once_per_story_in_30_minutes(store):
    for minutes in (0, 10, 29):
        record(store, 1, BASE + minutes * 60, visitor="reader-a")
    record(store, 2, BASE + 60, visitor="reader-a")  # another story counts
    record(store, 1, BASE + 120, visitor="reader-b")  # another reader counts
    record(store, 1, BASE + 31 * 60, visitor="reader-a")  # 31 minutes after the counted read
    settle(store, BASE + H)
    assert store.views(article_ids=[1, 2]) == {1: 3, 2: 1}


def test_a_client_over_600_beacons_in_5_minutes_stops_counting(store, settings):
    window = settings.NEWSDESK_ANALYTICS_RATE_WINDOW
    start = BASE // window * window
    for i in range(settings.NEWSDESK_ANALYTICS_RATE_LIMIT + 5):
        record(store, 1, start + i * 0.1, client="one-address")
    record(store, 1, start + 1, client="another-address")
    record(store, 1, start + window, client="one-address")  # the next window starts afresh
    settle(store, start + window)
    assert store.views(article_ids=[1]) == {1: settings.NEWSDESK_ANALYTICS_RATE_LIMIT + 2}


def test_rerunning_a_flush_killed_half_way_never_counts_twice(store, monkeypatch):
    from newsdesk.analytics.store import ledger

    for i in range(4):
        record(store, 1, BASE + i)
    settle(store, BASE + 10)
    real = ledger.upsert_add

    def dies_on_tallies(model, **kwargs):
        if model.__name__ == "BeaconTally":
            raise RuntimeError("killed")
        return real(model, **kwargs)

    def record_and_flush():
        record(store, 1, BASE + 20)  # the database store writes here
        store.flush()  # the Redis store writes here

    monkeypatch.setattr(ledger, "upsert_add", dies_on_tallies)
    with pytest.raises(RuntimeError):
        record_and_flush()
    monkeypatch.setattr(ledger, "upsert_add", real)
    store.flush()
    store.flush()
    settle(store, BASE + 30)
    assert StoryReads.objects.get(article_id=1).total == 5
    assert store.views(article_ids=[1]) == {1: 5}
