"""Selectors for the editors' readership view: reads over time and beacon outcomes.

The bucket tables are read from the database in both setups (the Redis store
flushes into them every few seconds), one query per series.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.db.models import Sum
from django.utils import timezone

from .models import SITE, BeaconTally, DailyReads, HourlyReads


@dataclass
class Point:
    label: str
    when: datetime | date
    reads: int


def reads_hourly(*, article_id: int = SITE, hours: int = 48) -> list[Point]:
    """Return reads per hour for the last `hours` hours, oldest first, empty hours as 0."""
    now = datetime.now(tz=UTC).replace(minute=0, second=0, microsecond=0)
    starts = [now - timedelta(hours=h) for h in range(hours - 1, -1, -1)]
    counts = dict(
        HourlyReads.objects.filter(article_id=article_id, hour__gte=starts[0]).values_list(
            "hour", "reads"
        )
    )
    return [
        Point(label=f"{timezone.localtime(s):%a %H:00}", when=s, reads=counts.get(s, 0))
        for s in starts
    ]


def reads_daily(*, article_id: int = SITE, days: int = 30) -> list[Point]:
    """Return reads per UTC day for the last `days` days, oldest first, empty days as 0."""
    today = datetime.now(tz=UTC).date()
    days_list = [today - timedelta(days=d) for d in range(days - 1, -1, -1)]
    counts = dict(
        DailyReads.objects.filter(article_id=article_id, day__gte=days_list[0]).values_list(
            "day", "reads"
        )
    )
    return [Point(label=f"{d:%d %b}", when=d, reads=counts.get(d, 0)) for d in days_list]


def beacon_outcomes(*, days: int = 7) -> list[tuple[str, int]]:
    """Return beacons of the last `days` days by outcome, most frequent first."""
    since = datetime.now(tz=UTC).date() - timedelta(days=days - 1)
    rows = (
        BeaconTally.objects.filter(day__gte=since)
        .values("reason")
        .annotate(total=Sum("count"))
        .order_by("-total", "reason")
    )
    return [(row["reason"], row["total"]) for row in rows]
