"""Writes: count a read, and the worker's jobs that keep the store in shape."""

import time
from datetime import UTC, datetime, timedelta

from django.conf import settings

from newsdesk.articles.models import ArticlePage

from .models import (
    BeaconTally,
    DailyReads,
    FlushedBatch,
    HourlyReads,
    ReadRate,
    ReadSeen,
    StoreState,
    StoryReads,
    VisitorSalt,
)
from .store import Read, read_store
from .store.base import HOUR, WEEK_HOURS, day_of
from .store.ledger import WEEK_THROUGH
from .visitors import salts_forget, visitor_keys

# How long the bucket tables keep what the charts show (48 h, 30 days) and more.
HOURLY_KEEP = timedelta(hours=WEEK_HOURS + 24)
DAILY_KEEP = timedelta(days=400)


def read_record(*, article_id: int, meta: dict, at: float | None = None) -> None:
    """Count one reader's read of a story, subject to de-duplication and the rate limit.

    meta is the request's META: the visitor is recognised by a daily-salted
    hash of its address and user agent, never stored as they are.
    """
    at = time.time() if at is None else at
    visitor, client = visitor_keys(meta=meta, day=day_of(at))
    read_store().record(read=Read(article_id=article_id, visitor=visitor, client=client, at=at))


def beacon_turn_away(*, reason: str, at: float | None = None) -> None:
    """Tally a beacon that was not counted, by reason, for the editors' readership view."""
    read_store().tally(reason=reason, at=time.time() if at is None else at)


def reads_flush() -> None:
    """Make acknowledged reads durable in the database (worker job, every few seconds)."""
    read_store().flush()


def reads_maintain() -> None:
    """Slide the Weekly Best and Popular Now windows; rebuild Redis if it was emptied."""
    read_store().maintain(now=time.time())


def reads_prune() -> None:
    """Delete old salts, de-duplication and rate rows, and buckets no chart or window needs."""
    now = datetime.now(tz=UTC)
    VisitorSalt.objects.filter(day__lt=(now - timedelta(days=1)).date()).delete()
    salts_forget()
    dedupe = timedelta(seconds=settings.NEWSDESK_ANALYTICS_DEDUPE_SECONDS)
    ReadSeen.objects.filter(counted_at__lt=now - dedupe).delete()
    rate = timedelta(seconds=settings.NEWSDESK_ANALYTICS_RATE_WINDOW)
    ReadRate.objects.filter(window__lt=now - rate).delete()
    FlushedBatch.objects.filter(applied_at__lt=now - timedelta(days=1)).delete()
    # An hour still inside a window must stay until the worker has subtracted it.
    expired = StoreState.objects.filter(key=WEEK_THROUGH).values_list("value", flat=True).first()
    if expired is not None:
        cutoff = min(now - HOURLY_KEEP, datetime.fromtimestamp((expired + 1) * HOUR, tz=UTC))
        HourlyReads.objects.filter(hour__lt=cutoff).delete()
    DailyReads.objects.filter(day__lt=(now - DAILY_KEEP).date()).delete()
    BeaconTally.objects.filter(day__lt=(now - DAILY_KEEP).date()).delete()
    _deleted_stories_prune()


def _deleted_stories_prune() -> None:
    gone = StoryReads.objects.exclude(article_id__in=ArticlePage.objects.values("pk"))
    gone.filter(week=0, popular=0).delete()
