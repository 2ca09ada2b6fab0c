"""Slide the database store's windows: subtract hours that left them, renormalise.

Each hour is subtracted in its own transaction together with the marker that
says it was, so a worker killed half-way resumes where it stopped and never
subtracts an hour twice.
"""

import math

from django.db import connection, transaction
from django.db.models import F, FloatField, Value

from ..models import SITE, HourlyReads, StoryReads
from .base import (
    half_life,
    hour_of,
    hour_start,
    hour_weight,
    needs_renormalising,
    popular_expiring_hours,
    popular_floor,
    weekly_expiring_hours,
)
from .ledger import POPULAR_THROUGH, T0, WEEK_THROUGH, state_locked, state_set

# Hours with reads subtracted per run and window: a long outage catches up in bounded steps.
MAX_HOURS_PER_RUN = 48


def _subtract(*, column: str, rows: list[tuple[float, int]]) -> None:
    if not rows:
        return
    quote = connection.ops.quote_name
    table, col = quote(StoryReads._meta.db_table), quote(column)
    sql = f"UPDATE {table} SET {col} = {col} - %s WHERE {quote('article_id')} = %s"
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def hour_rows(hour: int):
    return HourlyReads.objects.filter(hour=hour_start(hour)).exclude(article_id=SITE)


def hour_to_subtract(hours: range) -> int:
    """Return the first of `hours` that holds reads, or the last one: empty hours are skipped
    in one step, so a long quiet spell costs nothing."""
    first = (
        HourlyReads.objects.filter(
            article_id=SITE, hour__gte=hour_start(hours[0]), hour__lte=hour_start(hours[-1])
        )
        .order_by("hour")
        .values_list("hour", flat=True)
        .first()
    )
    return hours[-1] if first is None else hour_of(first.timestamp())


def _weekly_step(*, now: float) -> bool:
    with transaction.atomic():
        state = state_locked()
        if not state:
            return False
        hours = weekly_expiring_hours(now=now, through=int(state[WEEK_THROUGH]))
        if not hours:
            return False
        hour = hour_to_subtract(hours)
        rows = hour_rows(hour).values_list("reads", "article_id")
        _subtract(column="week", rows=list(rows))
        StoryReads.objects.filter(week__lt=0).update(week=0)
        state_set(**{WEEK_THROUGH: hour})
    return True


def _popular_step(*, now: float) -> bool:
    with transaction.atomic():
        state = state_locked()
        if not state:
            return False
        hours = popular_expiring_hours(now=now, through=int(state[POPULAR_THROUGH]))
        if not hours:
            return False
        hour, t0 = hour_to_subtract(hours), state[T0]
        factor = hour_weight(hour=hour, t0=t0)
        rows = [(w * factor, a) for w, a in hour_rows(hour).values_list("weight", "article_id")]
        _subtract(column="popular", rows=rows)
        state_set(**{POPULAR_THROUGH: hour})
    return True


def _popular_clear_residue(*, now: float) -> None:
    """Zero the float residue left by subtraction; both ranges are short index scans."""
    with transaction.atomic():
        state = state_locked()
        if not state:
            return
        t0 = state[T0]
        floor = popular_floor(now=now, t0=t0)
        StoryReads.objects.filter(popular__gt=0, popular__lt=floor).update(popular=0)
        StoryReads.objects.filter(popular__lt=0).update(popular=0)


def _renormalise(*, now: float) -> None:
    with transaction.atomic():
        t0 = state_locked().get(T0)
        if t0 is None or not needs_renormalising(now=now, t0=t0):
            return
        new_t0 = float(hour_of(now) * 3600)
        factor = math.pow(2.0, -(new_t0 - t0) / half_life())
        scaled = F("popular") * Value(factor, output_field=FloatField())
        StoryReads.objects.filter(popular__gt=0).update(popular=scaled)
        state_set(**{T0: new_t0})


def database_windows_advance(*, now: float) -> None:
    """Subtract every hour that left the weekly or Popular Now window, then renormalise."""
    for _ in range(MAX_HOURS_PER_RUN):
        if not _weekly_step(now=now):
            break
    for _ in range(MAX_HOURS_PER_RUN):
        if not _popular_step(now=now):
            break
    _popular_clear_residue(now=now)
    _renormalise(now=now)
