"""The read store on Redis: one script call per beacon, rankings from sorted sets.

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
    ReadStore,
    day_of,
    decay_factor,
    half_life,
    hour_of,
    weight_in_hour,
)
from .database import DatabaseStore

RECORD = """
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
if hits > tonumber(ARGV[1]) then
  redis.call('HINCRBY', KEYS[6], 'm|' .. ARGV[9] .. '|rate_limited', 1)
  return 'rate_limited'
end
local last = redis.call('GET', KEYS[2])
if last and tonumber(ARGV[10]) - tonumber(last) < tonumber(ARGV[3]) then
  redis.call('HINCRBY', KEYS[6], 'm|' .. ARGV[9] .. '|duplicate', 1)
  return 'duplicate'
end
redis.call('SET', KEYS[2], ARGV[10], 'EX', ARGV[3])
local bucket = ARGV[4] .. '|' .. ARGV[6]
redis.call('HINCRBY', KEYS[6], 'r|' .. bucket, 1)
redis.call('HINCRBYFLOAT', KEYS[6], 'w|' .. bucket, ARGV[7])
redis.call('HINCRBY', KEYS[6], 'm|' .. ARGV[9] .. '|counted', 1)
local meta = redis.call('HMGET', KEYS[7], 'ready', 't0')
if meta[1] then
  local exponent = (tonumber(ARGV[6]) * 3600 - tonumber(meta[2])) / tonumber(ARGV[8])
  local weight = tonumber(ARGV[7]) * 2 ^ exponent
  redis.call('HINCRBY', KEYS[3], ARGV[4], 1)
  redis.call('ZINCRBY', KEYS[4], 1, ARGV[5])
  redis.call('ZINCRBY', KEYS[5], string.format('%.17g', weight), ARGV[5])
end
return 'counted'
"""


logger = logging.getLogger(__name__)


def member(article_id: int) -> str:
    return f"{article_id:012d}"


class RedisStore(ReadStore):
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
    def _record(self):
        return self.client.register_script(RECORD)

    @cached_property
    def database(self) -> DatabaseStore:
        return DatabaseStore()

    def key(self, name: str) -> str:
        return self.prefix + name

    def record(self, *, read: Read) -> None:
        try:
            self._record_in_redis(read)
        except redis.RedisError:
            # Redis is down: the database store keeps the read, and Redis is
            # rebuilt from the database once it answers again.
            if not self._rebuild_due:
                logger.warning("Redis unreachable; reads go to the database meanwhile")
            self.database.record(read=read)
            self._rebuild_due = True
            return
        if self._rebuild_due:
            self.client.hdel(self.key("meta"), "ready")
            self._rebuild_due = False

    def _record_in_redis(self, read: Read) -> str:
        hour = hour_of(read.at)
        span = settings.NEWSDESK_ANALYTICS_RATE_WINDOW
        return self._record(
            keys=[
                self.key(f"rate:{read.client}:{int(read.at // span)}"),
                self.key(f"seen:{read.visitor}:{read.article_id}"),
                self.key("total"),
                self.key("week"),
                self.key("pop"),
                self.key("pending"),
                self.key("meta"),
            ],
            args=[
                settings.NEWSDESK_ANALYTICS_RATE_LIMIT,
                span,
                settings.NEWSDESK_ANALYTICS_DEDUPE_SECONDS,
                read.article_id,
                member(read.article_id),
                hour,
                repr(weight_in_hour(at=read.at, hour=hour)),
                repr(half_life()),
                day_of(read.at).isoformat(),
                repr(read.at),
            ],
        )

    def tally(self, *, reason: str, at: float) -> None:
        try:
            self.client.hincrby(self.key("pending"), f"m|{day_of(at).isoformat()}|{reason}", 1)
        except redis.RedisError:
            self.database.tally(reason=reason, at=at)

    def flush(self) -> None:
        from .redis_sync import redis_flush

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
