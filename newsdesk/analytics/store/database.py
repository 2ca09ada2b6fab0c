"""The read store on the project's database (SQLite in WAL mode, or PostgreSQL).

Reads wait in the process's buffer; a flush decides the rate limit and
de-duplication against tables every app process shares, then applies the
counted reads, all in one transaction: a flush either lands whole or not at
all, and a failed one goes back to the buffer.
"""

from collections import Counter
from datetime import UTC, datetime

from django.conf import settings
from django.db import connection, transaction

from ..models import (
    BeaconTally,
    DailyReads,
    FlushedBatch,
    HourlyReads,
    ReadRate,
    ReadSeen,
    StoreState,
    StoryReads,
)
from .base import COUNTED, DUPLICATE, RATE_LIMITED, Read, ReadBatch, decay_factor
from .buffer import BufferedStore, read_buffer
from .ledger import T0, ledger_apply, upsert_add
from .windows import database_windows_advance


def _when(at: float) -> datetime:
    return datetime.fromtimestamp(at, tz=UTC)


def _rate_limit(reads: list[Read], batch: ReadBatch) -> list[Read]:
    """Return the reads within their client's limit; tally the others."""
    span, limit = settings.NEWSDESK_ANALYTICS_RATE_WINDOW, settings.NEWSDESK_ANALYTICS_RATE_LIMIT
    keys = [(read.client, _when(read.at // span * span)) for read in reads]
    hits = Counter()
    for row in ReadRate.objects.filter(
        client__in={c for c, _ in keys}, window__in={w for _, w in keys}
    ):
        hits[(row.client, row.window)] = row.hits
    added = Counter(keys)
    allowed = []
    for read, key in zip(reads, keys, strict=True):
        hits[key] += 1
        if hits[key] > limit:
            batch.add_tally(reason=RATE_LIMITED, at=read.at)
        else:
            allowed.append(read)
    as_time = connection.ops.adapt_datetimefield_value
    upsert_add(
        ReadRate,
        keys=["client", "window"],
        adds=["hits"],
        rows=[(c, as_time(w), n) for (c, w), n in sorted(added.items())],
    )
    return allowed


def _dedupe(reads: list[Read], batch: ReadBatch) -> None:
    """Count each read unless its visitor's last counted read of the story is recent."""
    span = settings.NEWSDESK_ANALYTICS_DEDUPE_SECONDS
    last = {
        (row.visitor, row.article_id): row.counted_at.timestamp()
        for row in ReadSeen.objects.filter(visitor__in={r.visitor for r in reads})
    }
    changed = {}
    for read in reads:
        key = (read.visitor, read.article_id)
        if key in last and read.at - last[key] < span:
            batch.add_tally(reason=DUPLICATE, at=read.at)
            continue
        last[key] = changed[key] = read.at
        batch.add_read(article_id=read.article_id, at=read.at)
        batch.add_tally(reason=COUNTED, at=read.at)
    ReadSeen.objects.bulk_create(
        [ReadSeen(visitor=v, article_id=a, counted_at=_when(at)) for (v, a), at in changed.items()],
        update_conflicts=True,
        unique_fields=["visitor", "article_id"],
        update_fields=["counted_at"],
    )


class DatabaseStore(BufferedStore):
    name = "database"

    def batch_write(self, reads: list[Read], tallies: ReadBatch) -> None:
        """Apply a batch in one transaction; when that fails it goes back to the buffer."""
        # The buffer's tallies stay untouched, so a failed batch can give them back as they were.
        batch = ReadBatch(tallies=dict(tallies.tallies))
        try:
            with transaction.atomic():
                allowed = _rate_limit(reads, batch) if reads else []
                if allowed:
                    _dedupe(allowed, batch)
                ledger_apply(batch=batch)
        except BaseException:
            read_buffer.put_back(reads, tallies)
            raise

    def flush(self) -> None:
        self.buffer_drain()

    def maintain(self, *, now: float) -> None:
        self.flush()
        database_windows_advance(now=now)

    def views(self, *, article_ids: list[int]) -> dict[int, int]:
        rows = StoryReads.objects.filter(article_id__in=article_ids, total__gt=0)
        return dict(rows.values_list("article_id", "total"))

    def top_weekly(self, *, offset: int, limit: int) -> list[tuple[int, int]]:
        rows = StoryReads.objects.filter(week__gt=0).order_by("-week", "-article_id")
        return list(rows.values_list("article_id", "week")[offset : offset + limit])

    def top_popular(self, *, offset: int, limit: int, now: float) -> list[tuple[int, float]]:
        rows = StoryReads.objects.filter(popular__gt=0).order_by("-popular", "-article_id")
        top = list(rows.values_list("article_id", "popular")[offset : offset + limit])
        if not top:
            return []
        scale = decay_factor(now=now, t0=StoreState.objects.get(key=T0).value)
        return [(article_id, score / scale) for article_id, score in top]

    def weekly_of(self, *, article_ids: list[int]) -> dict[int, int]:
        rows = StoryReads.objects.filter(article_id__in=article_ids, week__gt=0)
        return dict(rows.values_list("article_id", "week"))

    def reset(self) -> None:
        read_buffer.take()
        for model in (StoryReads, HourlyReads, DailyReads, StoreState, FlushedBatch):
            model.objects.all().delete()
        for model in (ReadSeen, ReadRate, BeaconTally):
            model.objects.all().delete()
