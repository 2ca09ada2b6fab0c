"""Keep the Redis store and the database in step: flush, rebuild, slide windows.

Flush: a script renames `pending` to `flushing:<id>` (new reads start a fresh
pending hash), the batch is applied to the database in one transaction that
also records its id, then the Redis copy is deleted. Killed anywhere, a
re-run finds the id and skips what the database already holds, so no read
is counted twice.

Rebuild (Redis emptied, `ready` missing): copy the database's aggregates
into temporary keys, then one script adds what is still pending and swaps
them in. Reads recorded meanwhile are in pending, so none is lost or doubled.
"""

import uuid
from contextlib import contextmanager

from django.db import transaction

from ..models import FlushedBatch, StoryReads
from .base import (
    ReadBatch,
    half_life,
    hour_of,
    hour_weight,
    needs_renormalising,
    popular_expiring_hours,
    popular_floor,
    weekly_expiring_hours,
)
from .ledger import POPULAR_THROUGH, T0, WEEK_THROUGH, ledger_apply, state_locked
from .windows import MAX_HOURS_PER_RUN, database_windows_advance, hour_rows, hour_to_subtract

TAKE = """
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('RENAME', KEYS[1], KEYS[3])
  redis.call('SADD', KEYS[2], ARGV[1])
end
return redis.call('SMEMBERS', KEYS[2])
"""

SWAP_IN = """
local meta = {t0 = tonumber(ARGV[1]), week = tonumber(ARGV[2]), pop = tonumber(ARGV[3])}
local half_life = tonumber(ARGV[4])
do
  local fields = redis.call('HGETALL', KEYS[8])
  for j = 1, #fields, 2 do
    local kind, story, hour = string.match(fields[j], '^(%a)|(%d+)|(%d+)$')
    if kind then
      local padded = string.format('%012d', tonumber(story))
      local value = tonumber(fields[j + 1])
      hour = tonumber(hour)
      if kind == 'r' then
        redis.call('HINCRBY', KEYS[1], story, value)
        if hour > meta.week then redis.call('ZINCRBY', KEYS[2], value, padded) end
      elseif hour > meta.pop then
        local weight = value * 2 ^ ((hour * 3600 - meta.t0) / half_life)
        redis.call('ZINCRBY', KEYS[3], string.format('%.17g', weight), padded)
      end
    end
  end
end
for i = 1, 3 do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    redis.call('RENAME', KEYS[i], KEYS[i + 3])
  else
    redis.call('DEL', KEYS[i + 3])
  end
end
redis.call('HSET', KEYS[7], 't0', ARGV[1], 'week_through', ARGV[2], 'pop_through', ARGV[3],
  'ready', '1')
return 1
"""

REBUILD_CHUNK = 5000


def _batch_parse(fields: dict[str, str]) -> ReadBatch:
    batch = ReadBatch()
    for name, value in fields.items():
        kind, first, second = name.split("|")
        if kind == "m":
            batch.tallies[(first, second)] = int(value)
        else:
            bucket = batch.hours.setdefault((int(first), int(second)), [0, 0.0])
            bucket[0 if kind == "r" else 1] += int(value) if kind == "r" else float(value)
    return batch


def redis_pending_flush(*, store) -> None:
    """Move pending reads to the database; finish batches an earlier run left half-done."""
    batch_id = uuid.uuid4().hex
    take = store.client.register_script(TAKE)
    batch_ids = take(
        keys=[store.key("pending"), store.key("flushing"), store.key(f"flushing:{batch_id}")],
        args=[batch_id],
    )
    for each in sorted(batch_ids):
        key = store.key(f"flushing:{each}")
        with transaction.atomic():
            _, created = FlushedBatch.objects.get_or_create(batch_id=each)
            if created:
                ledger_apply(batch=_batch_parse(store.client.hgetall(key)))
        store.client.delete(key)
        store.client.srem(store.key("flushing"), each)


def _rebuild(*, store, now: float) -> None:
    redis_pending_flush(store=store)
    with transaction.atomic():
        state = state_locked(first_hour=hour_of(now))  # the current hour, if no read yet
    temp = [store.key(f"rebuild:{name}") for name in ("total", "week", "pop")]
    store.client.delete(*temp)
    rows = StoryReads.objects.filter(total__gt=0).values_list(
        "article_id", "total", "week", "popular"
    )
    pipe = store.client.pipeline(transaction=False)
    for count, (article_id, total, week, popular) in enumerate(rows.iterator(REBUILD_CHUNK), 1):
        padded = f"{article_id:012d}"
        pipe.hset(temp[0], str(article_id), total)
        if week > 0:
            pipe.zadd(temp[1], {padded: week})
        if popular > 0:
            pipe.zadd(temp[2], {padded: popular})
        if count % REBUILD_CHUNK == 0:
            pipe.execute()
    pipe.execute()
    live = [store.key(name) for name in ("total", "week", "pop")]
    # Pending holds only reads newer than the flush above: the database lacks them.
    store.client.register_script(SWAP_IN)(
        keys=[*temp, *live, store.key("meta"), store.key("pending")],
        args=[repr(state[T0]), int(state[WEEK_THROUGH]), int(state[POPULAR_THROUGH]), half_life()],
    )


def _subtract_hour(*, store, zset: str, marker: str, hour: int, rows) -> None:
    """Subtract one hour from a sorted set and move its marker, atomically."""
    pipe = store.client.pipeline(transaction=True)
    for article_id, amount in rows:
        pipe.zincrby(store.key(zset), -amount, f"{article_id:012d}")
    pipe.hset(store.key("meta"), marker, hour)
    pipe.execute()


def _windows_advance(*, store, now: float) -> None:
    meta = store.client.hgetall(store.key("meta"))
    for _ in range(MAX_HOURS_PER_RUN):
        hours = weekly_expiring_hours(now=now, through=int(meta["week_through"]))
        if not hours:
            break
        hour = hour_to_subtract(hours)
        rows = hour_rows(hour).values_list("article_id", "reads")
        _subtract_hour(store=store, zset="week", marker="week_through", hour=hour, rows=rows)
        meta["week_through"] = hour
    store.client.zremrangebyscore(store.key("week"), "-inf", 0)
    t0 = float(meta["t0"])
    for _ in range(MAX_HOURS_PER_RUN):
        hours = popular_expiring_hours(now=now, through=int(meta["pop_through"]))
        if not hours:
            break
        hour = hour_to_subtract(hours)
        factor = hour_weight(hour=hour, t0=t0)
        rows = [(a, w * factor) for a, w in hour_rows(hour).values_list("article_id", "weight")]
        _subtract_hour(store=store, zset="pop", marker="pop_through", hour=hour, rows=rows)
        meta["pop_through"] = hour
    store.client.zremrangebyscore(store.key("pop"), "-inf", f"({popular_floor(now=now, t0=t0)!r}")
    if needs_renormalising(now=now, t0=t0):
        new_t0 = float(int(now // 3600) * 3600)
        pipe = store.client.pipeline(transaction=True)
        pipe.zunionstore(
            store.key("pop"), {store.key("pop"): 2.0 ** (-(new_t0 - t0) / half_life())}
        )
        pipe.hset(store.key("meta"), "t0", repr(new_t0))
        pipe.execute()


@contextmanager
def _lock(*, store, seconds: int = 300):
    """Let one worker at a time touch the windows: two would subtract an hour twice."""
    token = uuid.uuid4().hex
    key = store.key("lock")
    if not store.client.set(key, token, nx=True, ex=seconds):
        yield False
        return
    try:
        yield True
    finally:
        if store.client.get(key) == token:
            store.client.delete(key)


def redis_maintain(*, store, now: float) -> None:
    """Flush pending reads, rebuild Redis if it was emptied, then slide both stores' windows."""
    with _lock(store=store) as held:
        if not held:
            return
        if not store.client.hget(store.key("meta"), "ready"):
            _rebuild(store=store, now=now)
        else:
            redis_pending_flush(store=store)
        database_windows_advance(now=now)
        _windows_advance(store=store, now=now)


def redis_flush(*, store) -> None:
    """Flush pending reads unless another worker holds the lock (it flushes them itself)."""
    with _lock(store=store) as held:
        if held:
            redis_pending_flush(store=store)
