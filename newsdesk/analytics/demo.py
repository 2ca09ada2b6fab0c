"""Seed reads for the demo site and for benchmarks, deterministically and in bulk.

Reads go straight into the database tables (buckets, aggregates and window
markers consistent with each other, as if the worker had kept them), and the
Redis store, when configured, is rebuilt from them.
"""

import math
import random
import time
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction

from newsdesk.articles.models import ArticlePage

from .models import SITE, BeaconTally, DailyReads, HourlyReads, StoreState, StoryReads
from .store import read_store
from .store.base import HOUR, POPULAR_HOURS, WEEK_HOURS, half_life, hour_of, hour_start
from .store.ledger import POPULAR_THROUGH, T0, WEEK_THROUGH

DEMO_SEED = 20240601
DAYS = 35
BATCH = 10_000
# Share of beacons turned away, by reason, in the demo's tallies.
TURNED_AWAY = {"duplicate": 0.12, "bot": 0.08, "prefetch": 0.01, "no_user_agent": 0.005}


@dataclass
class SeedReport:
    stories: int
    reads: int
    seconds: float


def _hourly_reads(*, rng: random.Random, popularity: float, age_hours: float, hour: int) -> int:
    """Reads in one hour: interest halves every 18 h, readers sleep at night, a long tail stays."""
    local_hour = hour % 24
    daytime = 0.25 + 0.75 * math.sin(math.pi * ((local_hour - 5) % 24) / 24) ** 2
    expected = popularity * (0.5 ** (age_hours / 18) + 0.01) * daytime
    return int(expected + rng.random())


def _story_buckets(*, rng, pk: int, published: float, now: float, days: int):
    popularity = 40 * rng.lognormvariate(0, 1.0)
    first = max(hour_of(published), hour_of(now) - days * 24)
    for hour in range(first, hour_of(now) + 1):
        reads = _hourly_reads(
            rng=rng, popularity=popularity, age_hours=(hour * HOUR - published) / HOUR, hour=hour
        )
        if reads:
            yield hour, reads


def _state_write(*, now: float) -> None:
    current = hour_of(now)
    StoreState.objects.all().delete()
    StoreState.objects.bulk_create(
        [
            StoreState(key=T0, value=float(current * HOUR)),
            StoreState(key=WEEK_THROUGH, value=float(current - WEEK_HOURS)),
            StoreState(key=POPULAR_THROUGH, value=float(current - POPULAR_HOURS)),
        ]
    )


def _tallies(*, rng, daily_site: dict) -> list[BeaconTally]:
    rows = []
    for day, reads in daily_site.items():
        rows.append(BeaconTally(day=day, reason="counted", count=reads))
        for reason, share in TURNED_AWAY.items():
            rows.append(
                BeaconTally(day=day, reason=reason, count=int(reads * share * rng.random()))
            )
    return rows


@transaction.atomic
def demo_reads_seed(*, seed: int = DEMO_SEED, days: int = DAYS) -> SeedReport:
    """Give every story published in the last `days` days weeks of hourly reads."""
    started, now = time.monotonic(), time.time()
    rng = random.Random(seed)
    t0, current = float(hour_of(now) * HOUR), hour_of(now)
    mid_weight = math.pow(2.0, HOUR / 2 / half_life())
    stories = (
        ArticlePage.objects.published()
        .filter(first_published_at__gte=hour_start(current - days * 24))
        .order_by("pk")
        .values_list("pk", "first_published_at")
    )
    hourly, aggregates = [], []
    site: dict[int, int] = defaultdict(int)
    daily: dict[tuple[int, object], int] = defaultdict(int)
    for pk, published in stories:
        total = week = 0
        popular = 0.0
        for hour, reads in _story_buckets(
            rng=rng, pk=pk, published=published.timestamp(), now=now, days=days
        ):
            hourly.append(
                HourlyReads(
                    article_id=pk, hour=hour_start(hour), reads=reads, weight=reads * mid_weight
                )
            )
            site[hour] += reads
            daily[(pk, hour_start(hour).date())] += reads
            total += reads
            week += reads if hour > current - WEEK_HOURS else 0
            if hour > current - POPULAR_HOURS:
                popular += reads * mid_weight * math.pow(2.0, (hour * HOUR - t0) / half_life())
        aggregates.append(StoryReads(article_id=pk, total=total, week=week, popular=popular))
    for hour, reads in site.items():
        hourly.append(
            HourlyReads(
                article_id=SITE, hour=hour_start(hour), reads=reads, weight=reads * mid_weight
            )
        )
        daily[(SITE, hour_start(hour).date())] += reads
    HourlyReads.objects.bulk_create(hourly, batch_size=BATCH)
    DailyReads.objects.bulk_create(
        [DailyReads(article_id=a, day=d, reads=r) for (a, d), r in daily.items()], batch_size=BATCH
    )
    StoryReads.objects.bulk_create(aggregates, batch_size=BATCH)
    BeaconTally.objects.bulk_create(
        _tallies(rng=rng, daily_site={d: r for (a, d), r in daily.items() if a == SITE})
    )
    _state_write(now=now)
    return SeedReport(
        stories=len(aggregates), reads=sum(site.values()), seconds=time.monotonic() - started
    )


def bulk_reads_seed(*, seed: int = DEMO_SEED) -> SeedReport:
    """Give every published story without reads plausible totals, for benchmarks.

    Only the aggregates are written (no hourly buckets), so it is fast at a
    million stories; the windows of such stories never slide. Not for a real site.
    """
    started, now = time.monotonic(), time.time()
    rng = random.Random(seed)
    t0 = StoreState.objects.filter(key=T0).values_list("value", flat=True).first()
    if t0 is None:
        _state_write(now=now)
        t0 = float(hour_of(now) * HOUR)
    seeded = StoryReads.objects.values("article_id")
    stories = (
        ArticlePage.objects.published()
        .exclude(pk__in=seeded)
        .values_list("pk", "first_published_at")
        .iterator(chunk_size=BATCH)
    )
    scale = math.pow(2.0, (now - t0) / half_life())
    count = reads = 0
    batch = []
    for pk, published in stories:
        age_days = max(now - published.timestamp(), 0) / 86400
        interest = rng.lognormvariate(0, 1.2)
        week = int(400 * interest * 0.5 ** (age_days / 1.5) + 3 * rng.random())
        popular = 30 * interest * 0.5 ** (age_days * 24 / 3) * scale
        total = week + int(50 * interest)
        batch.append(StoryReads(article_id=pk, total=total, week=week, popular=popular))
        count, reads = count + 1, reads + total
        if len(batch) == BATCH:
            StoryReads.objects.bulk_create(batch)
            batch = []
    StoryReads.objects.bulk_create(batch)
    return SeedReport(stories=count, reads=reads, seconds=time.monotonic() - started)


def demo_reads_publish() -> None:
    """Make the configured store show the seeded reads (Redis is rebuilt from the database)."""
    store = read_store()
    if store.name == "redis":
        store.keys_delete()
    store.maintain(now=time.time())
