"""The read store's interface and the time arithmetic both backends share.

Weekly Best counts reads in the last 168 hourly buckets (the current, partial
hour included). Popular Now uses forward decay: a read at time t adds
2^((t - t0) / H) to its story's score, where H is the half-life and t0 a
reference time moved forward now and then (renormalisation). Divided by
2^((now - t0) / H), the score is sum(2^(-(now - t) / H)) over the story's reads
of the last 24 hourly buckets: each read counts 1 when fresh, 1/2 after H.
Because the weight depends only on t, never on now, recording a read is one
increment and ranking is a sorted-set or index read; when an hourly bucket
leaves a window the worker subtracts what it added.
"""

import math
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from django.conf import settings

HOUR = 3600
WEEK_HOURS = 168
POPULAR_HOURS = 24
# Renormalise before weights grow past 2^64: far from float overflow, still exact enough.
RENORMALISE_EXPONENT = 64

COUNTED = "counted"
DUPLICATE = "duplicate"
RATE_LIMITED = "rate_limited"


@dataclass(frozen=True)
class Read:
    """One accepted beacon, before de-duplication and the rate limit."""

    article_id: int
    visitor: str
    client: str
    at: float


@dataclass
class ReadBatch:
    """Counted reads folded by story and hour, plus beacon tallies by day and outcome."""

    hours: dict[tuple[int, int], list[float]] = field(default_factory=dict)
    tallies: dict[tuple[str, str], int] = field(default_factory=dict)

    def add_read(self, *, article_id: int, at: float) -> None:
        hour = hour_of(at)
        bucket = self.hours.setdefault((article_id, hour), [0, 0.0])
        bucket[0] += 1
        bucket[1] += weight_in_hour(at=at, hour=hour)

    def add_tally(self, *, reason: str, at: float, count: int = 1) -> None:
        key = (day_of(at).isoformat(), reason)
        self.tallies[key] = self.tallies.get(key, 0) + count

    def __bool__(self):
        return bool(self.hours or self.tallies)


def half_life() -> float:
    return float(settings.NEWSDESK_ANALYTICS_POPULAR_HALF_LIFE)


def hour_of(at: float) -> int:
    """Return the hour index (hours since the epoch, UTC) of a timestamp."""
    return int(at // HOUR)


def hour_start(hour: int) -> datetime:
    return datetime.fromtimestamp(hour * HOUR, tz=UTC)


def day_of(at: float) -> date:
    return datetime.fromtimestamp(at, tz=UTC).date()


def weight_in_hour(*, at: float, hour: int) -> float:
    """Return a read's weight relative to its hour's start, 2^((t - hour) / H)."""
    return math.pow(2.0, (at - hour * HOUR) / half_life())


def hour_weight(*, hour: int, t0: float) -> float:
    """Return the factor turning weights relative to an hour into units of t0."""
    return math.pow(2.0, (hour * HOUR - t0) / half_life())


def decay_factor(*, now: float, t0: float) -> float:
    """Return 2^((now - t0) / H): a score divided by it is the decayed read count."""
    return math.pow(2.0, (now - t0) / half_life())


def popular_floor(*, now: float, t0: float) -> float:
    """Return the score under which a story has no read left in the Popular Now window.

    Every read in the window weighs at least the window start's weight; a
    thousandth of that is far above float residue and far below one read.
    """
    window_start = (hour_of(now) - POPULAR_HOURS + 1) * HOUR
    return math.pow(2.0, (window_start - t0) / half_life()) / 1024


def needs_renormalising(*, now: float, t0: float) -> bool:
    return (now - t0) / half_life() > RENORMALISE_EXPONENT


def weekly_expiring_hours(*, now: float, through: int) -> range:
    """Return the hours that have left the weekly window and were not yet subtracted."""
    return range(through + 1, hour_of(now) - WEEK_HOURS + 1)


def popular_expiring_hours(*, now: float, through: int) -> range:
    return range(through + 1, hour_of(now) - POPULAR_HOURS + 1)


class ReadStore(ABC):
    """Where reads are counted and ranked; a database and a Redis backend implement it."""

    name = ""

    @abstractmethod
    def record(self, *, read: Read) -> None:
        """Count a read unless it repeats (same visitor and story within 30 min) or the
        client is over its rate limit; tally the outcome. O(1)."""

    @abstractmethod
    def tally(self, *, reason: str, at: float) -> None:
        """Tally a beacon that was turned away before reaching the store."""

    @abstractmethod
    def buffer_drain(self, *, batches: int | None = None) -> None:
        """Hand the reads and tallies waiting in this process's buffer to the store: all of
        them, or that many batches."""

    @abstractmethod
    def flush(self) -> None:
        """Make every read acknowledged so far durable in the database."""

    @abstractmethod
    def maintain(self, *, now: float) -> None:
        """Subtract hourly buckets that left their windows; renormalise Popular Now."""

    @abstractmethod
    def views(self, *, article_ids: list[int]) -> dict[int, int]:
        """Return all-time read counts; stories never read are left out."""

    @abstractmethod
    def top_weekly(self, *, offset: int, limit: int) -> list[tuple[int, int]]:
        """Return (article id, reads in the window), most read first, ties newest id first."""

    @abstractmethod
    def top_popular(self, *, offset: int, limit: int, now: float) -> list[tuple[int, float]]:
        """Return (article id, decayed reads), highest first, ties newest id first."""

    @abstractmethod
    def weekly_of(self, *, article_ids: list[int]) -> dict[int, int]:
        """Return reads in the weekly window of the given stories."""

    @abstractmethod
    def reset(self) -> None:
        """Forget every read and ranking (tests and benches only)."""
