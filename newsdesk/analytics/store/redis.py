"""The read store on Redis: one script call per batch of reads, rankings from sorted sets.

Keys, under settings.NEWSDESK_ANALYTICS_REDIS_PREFIX:
  total            hash: story id -> all-time reads
  week, pop        sorted sets: Weekly Best counts, Popular Now forward-decayed scores
  meta             hash: t0, week_through, pop_through, ready
  pending          hash: reads and tallies not yet in the database
                   (r|story|hour -> count, w|story|hour -> weight, m|day|reason -> count)
  flushing:<id>    a pending hash the worker is writing to the database
  seen:<v>:<story> time of the last counted read, expires after 30 minutes
  rate:<c>:<win>   rate limit counter, expires with its window
Members of the sorted sets are zero-padded ids, so ties order by newest id
first, as in the database store. The database stays the durable copy: while
`ready` is missing (Redis was emptied) reads are answered from the database
until the worker has rebuilt these keys.
"""

import logging
from functools import cached_property

import redis
from django.conf import settings

from .base import (
    Read,
    ReadBatch,
    day_of,
    decay_factor,
    half_life,
)
from .buffer import BufferedStore
from .database import DatabaseStore

# One call records a whole batch of reads, oldest first, each rate-limited and
# de-duplicated in turn; what the counted ones add is summed per key in Lua, so
# Redis does a few commands per read, not a dozen, and Python packs one string
# per read. KEYS: total, week, pop, pending, meta. ARGV: key prefix, limit, rate
# window, dedupe seconds, half-life, then counts n, d, m and n reads ("story time
# visitor client"), d days (day number, ISO date) and m tallies (pending field,
# count). The rate and seen keys are built here from the prefix: a single Redis,
# not a cluster, holds the store.
RECORD_BATCH = """
local prefix, limit, span = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local dedupe, half = tonumber(ARGV[4]), tonumber(ARGV[5])
local n, d, m = tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
local meta = redis.call('HMGET', KEYS[5], 'ready', 't0')
local t0 = tonumber(meta[2])
local pending, totals, weekly, decayed, days = {}, {}, {}, {}, {}
local function add(into, key, value) into[key] = (into[key] or 0) + value end
-- floor(at / size), exact even where the division rounds up to a whole number
local function slot(at, size)
  local whole = math.floor(at / size)
  if whole * size > at then whole = whole - 1 end
  return whole
end
for i = 9 + n, 8 + n + 2 * d, 2 do days[ARGV[i]] = ARGV[i + 1] end
for i = 9, 8 + n do
  local story, stamp, visitor, client = string.match(ARGV[i], '^(%S+) (%S+) (%S+) (%S+)$')
  local at = tonumber(stamp)
  local rate = prefix .. 'rate:' .. client .. ':' .. slot(at, span)
  local seen = prefix .. 'seen:' .. visitor .. ':' .. story
  local outcome = 'counted'
  local hits = redis.call('INCR', rate)
  if hits == 1 then redis.call('EXPIRE', rate, span) end
  if hits > limit then
    outcome = 'rate_limited'
  else
    local last = redis.call('GET', seen)
    if last and at - tonumber(last) < dedupe then
      outcome = 'duplicate'
    else
      redis.call('SET', seen, stamp, 'EX', dedupe)
      local hour = slot(at, 3600)
      local weight = 2 ^ ((at - hour * 3600) / half)
      local bucket = story .. '|' .. hour
      add(pending, 'r|' .. bucket, 1)
      add(pending, 'w|' .. bucket, weight)
      if meta[1] then
        local member = string.format('%012d', tonumber(story))
        add(totals, story, 1)
        add(weekly, member, 1)
        add(decayed, member, weight * 2 ^ ((hour * 3600 - t0) / half))
      end
    end
  end
  add(pending, 'm|' .. days[tostring(slot(at, 86400))] .. '|' .. outcome, 1)
end
for i = 9 + n + 2 * d, 8 + n + 2 * d + 2 * m, 2 do
  add(pending, ARGV[i], tonumber(ARGV[i + 1]))
end
for field, value in pairs(pending) do
  if string.sub(field, 1, 1) == 'w' then
    redis.call('HINCRBYFLOAT', KEYS[4], field, string.format('%.17g', value))
  else
    redis.call('HINCRBY', KEYS[4], field, value)
  end
end
for story, count in pairs(totals) do redis.call('HINCRBY', KEYS[1], story, count) end
for member, count in pairs(weekly) do redis.call('ZINCRBY', KEYS[2], count, member) end
for member, score in pairs(decayed) do
  redis.call('ZINCRBY', KEYS[3], string.format('%.17g', score), member)
end
return n
"""


logger = logging.getLogger(__name__)
DAY = 86_400


def member(article_id: int) -> str:
    return f"{article_id:012d}"


class RedisStore(BufferedStore):
    name = "redis"

    def __init__(self, *, url: str, prefix: str):
        self.url = url
        self.prefix = prefix
        self._rebuild_due = False

    @cached_property
    def client(self) -> redis.Redis:
        # Short timeouts: a Redis that hangs must not hold up page renders and beacons.
        return redis.Redis.from_url(
            self.url, decode_responses=True, socket_connect_timeout=0.5, socket_timeout=2
        )

    @cached_property
    def _record_batch(self):
        return self.client.register_script(RECORD_BATCH)

    @cached_property
    def database(self) -> DatabaseStore:
        return DatabaseStore()

    def key(self, name: str) -> str:
        return self.prefix + name

    def batch_write(self, reads: list[Read], tallies: ReadBatch) -> None:
        try:
            self._batch_record(reads, tallies)
        except redis.RedisError:
            # Redis is down: the database keeps the batch (or, failing that, the
            # buffer does), and Redis is rebuilt from the database once it answers.
            if not self._rebuild_due:
                logger.warning("Redis unreachable; reads go to the database meanwhile")
            self._rebuild_due = True
            self.database.batch_write(reads, tallies)
            return
        if self._rebuild_due:
            self.client.hdel(self.key("meta"), "ready")
            self._rebuild_due = False

    def _batch_record(self, reads: list[Read], tallies: ReadBatch) -> None:
        days = {int(read.at // DAY) for read in reads}
        args = [
            self.prefix,
            settings.NEWSDESK_ANALYTICS_RATE_LIMIT,
            settings.NEWSDESK_ANALYTICS_RATE_WINDOW,
            settings.NEWSDESK_ANALYTICS_DEDUPE_SECONDS,
            repr(half_life()),
            len(reads),
            len(days),
            len(tallies.tallies),
        ]
        args += [f"{r.article_id} {r.at!r} {r.visitor} {r.client}" for r in reads]
        for day in days:
            args += [day, day_of(day * DAY).isoformat()]
        for (day, reason), count in tallies.tallies.items():
            args += [f"m|{day}|{reason}", count]
        keys = [self.key(name) for name in ("total", "week", "pop", "pending", "meta")]
        self._record_batch(keys=keys, args=args)

    def flush(self) -> None:
        from .redis_sync import redis_flush

        self.buffer_drain()
        redis_flush(store=self)

    def maintain(self, *, now: float) -> None:
        from .redis_sync import redis_maintain

        redis_maintain(store=self, now=now)

    def _ready_and(self, command, *args, **kwargs):
        """Run one read command with the ready flag in one round trip; t0 is None when Redis
        is not ready or not answering, and the caller then asks the database."""
        pipe = self.client.pipeline(transaction=False)
        pipe.hmget(self.key("meta"), "ready", "t0")
        getattr(pipe, command)(*args, **kwargs)
        try:
            (ready, t0), result = pipe.execute()
        except redis.RedisError:
            return None, None
        return (t0 if ready else None), result

    def views(self, *, article_ids: list[int]) -> dict[int, int]:
        if not article_ids:
            return {}
        t0, counts = self._ready_and("hmget", self.key("total"), [str(a) for a in article_ids])
        if t0 is None:
            return self.database.views(article_ids=article_ids)
        return {a: int(c) for a, c in zip(article_ids, counts, strict=True) if c}

    def top_weekly(self, *, offset: int, limit: int) -> list[tuple[int, int]]:
        t0, top = self._ready_and(
            "zrevrange", self.key("week"), offset, offset + limit - 1, withscores=True
        )
        if t0 is None:
            return self.database.top_weekly(offset=offset, limit=limit)
        return [(int(m), int(s)) for m, s in top if s > 0]

    def top_popular(self, *, offset: int, limit: int, now: float) -> list[tuple[int, float]]:
        t0, top = self._ready_and(
            "zrevrange", self.key("pop"), offset, offset + limit - 1, withscores=True
        )
        if t0 is None:
            return self.database.top_popular(offset=offset, limit=limit, now=now)
        scale = decay_factor(now=now, t0=float(t0))
        return [(int(m), s / scale) for m, s in top if s > 0]

    def weekly_of(self, *, article_ids: list[int]) -> dict[int, int]:
        if not article_ids:
            return {}
        members = [member(a) for a in article_ids]
        t0, scores = self._ready_and("zmscore", self.key("week"), members)
        if t0 is None:
            return self.database.weekly_of(article_ids=article_ids)
        return {a: int(s) for a, s in zip(article_ids, scores, strict=True) if s and s > 0}

    def reset(self) -> None:
        self.keys_delete()
        self.database.reset()

    def keys_delete(self) -> None:
        """Delete every key of this store, as FLUSHALL would, leaving other data alone."""
        for batch in _chunks(self.client.scan_iter(match=self.prefix + "*", count=1000), 1000):
            self.client.delete(*batch)


def _chunks(items, size):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
