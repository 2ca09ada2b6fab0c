"""Apply counted reads to the database tables, in the caller's transaction.

Both backends end here: the database store when it flushes its buffer, the
Redis store when the worker moves pending reads to the database. Every
statement adds to counters (INSERT ... ON CONFLICT DO UPDATE), so a batch
costs a fixed number of statements whatever its size.
"""

from collections import defaultdict
from datetime import date, datetime

from django.db import connection
from django.db.models import Min

from ..models import SITE, BeaconTally, DailyReads, HourlyReads, StoreState, StoryReads
from .base import (
    HOUR,
    ReadBatch,
    hour_of,
    hour_start,
    hour_weight,
)

T0, WEEK_THROUGH, POPULAR_THROUGH = "t0", "week_through", "popular_through"


def upsert_add(model, *, keys: list[str], adds: list[str], rows: list[tuple]) -> None:
    """Insert rows, or add their values to the row already holding their keys."""
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = [*keys, *adds]
    assignments = ", ".join(f"{quote(c)} = {table}.{quote(c)} + excluded.{quote(c)}" for c in adds)
    sql = (
        f"INSERT INTO {table} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT ({', '.join(quote(k) for k in keys)}) DO UPDATE SET {assignments}"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def state_locked(*, first_hour: int | None = None) -> dict[str, float]:
    """Return the store's markers, locked until commit; empty before the first read.

    The first batch (first_hour: its oldest hour) starts the windows just
    before the oldest read known, so nothing is taken as already subtracted.
    """
    if first_hour is not None and StoreState.objects.count() < 3:
        oldest = HourlyReads.objects.aggregate(oldest=Min("hour"))["oldest"]
        if oldest is not None:
            first_hour = min(first_hour, hour_of(oldest.timestamp()))
        defaults = {
            T0: float(first_hour * HOUR),
            WEEK_THROUGH: float(first_hour - 1),
            POPULAR_THROUGH: float(first_hour - 1),
        }
        StoreState.objects.bulk_create(
            [StoreState(key=k, value=v) for k, v in defaults.items()], ignore_conflicts=True
        )
    rows = StoreState.objects.select_for_update().filter(
        key__in=[T0, WEEK_THROUGH, POPULAR_THROUGH]
    )
    return {row.key: row.value for row in rows}


def state_set(**values: float) -> None:
    for key, value in values.items():
        StoreState.objects.filter(key=key).update(value=value)


def ledger_apply(*, batch: ReadBatch) -> None:
    """Add a batch's reads to totals, buckets and ranking aggregates, and its tallies."""
    if batch.hours:
        state = state_locked(first_hour=min(hour for _, hour in batch.hours))
        t0, week_through, popular_through = state[T0], state[WEEK_THROUGH], state[POPULAR_THROUGH]
    stories: dict[int, list] = defaultdict(lambda: [0, 0, 0.0])
    hourly: dict[tuple[datetime, int], list] = defaultdict(lambda: [0, 0.0])
    daily: dict[tuple[int, object], int] = defaultdict(int)
    for (article_id, hour), (count, weight) in batch.hours.items():
        story = stories[article_id]
        story[0] += count
        # A late batch must not add to a window that already subtracted its hour.
        if hour > week_through:
            story[1] += count
        if hour > popular_through:
            story[2] += weight * hour_weight(hour=hour, t0=t0)
        start = hour_start(hour)
        for target in (article_id, SITE):
            hourly[(start, target)][0] += count
            hourly[(start, target)][1] += weight
            daily[(target, start.date())] += count
    upsert_add(
        StoryReads,
        keys=["article_id"],
        adds=["total", "week", "popular"],
        rows=[(a, int(t), int(w), p) for a, (t, w, p) in sorted(stories.items())],
    )
    # Raw SQL needs values as the ORM would store them (SQLite keeps naive UTC text).
    as_time, as_day = connection.ops.adapt_datetimefield_value, connection.ops.adapt_datefield_value
    upsert_add(
        HourlyReads,
        keys=["hour", "article_id"],
        adds=["reads", "weight"],
        rows=[(as_time(h), a, int(c), w) for (h, a), (c, w) in sorted(hourly.items())],
    )
    upsert_add(
        DailyReads,
        keys=["article_id", "day"],
        adds=["reads"],
        rows=[(a, as_day(d), int(c)) for (a, d), c in sorted(daily.items())],
    )
    upsert_add(
        BeaconTally,
        keys=["day", "reason"],
        adds=["count"],
        rows=[
            (as_day(date.fromisoformat(d)), r, int(c))
            for (d, r), c in sorted(batch.tallies.items())
        ],
    )
