"""Sliding-window rate limits shared by every app process: Redis when REDIS_URL, else the database.

The default cache is per process without Redis, so it cannot hold limits that
two app servers must share. Both stores keep the recent hit times of a key and
admit a hit only if every (count, seconds) window still has room, atomically:
a Lua script in Redis, a row lock in the database.
"""

import logging
import secrets
import time
from functools import cache

import redis
from django.conf import settings
from django.db import transaction

from .models import RateLimit

logger = logging.getLogger(__name__)
Limits = list[tuple[int, int]]


def _retry_after(*, hits: list[float], limits: Limits, now: float) -> int:
    """Return 0 if a hit is allowed now, else the seconds until the first window frees up."""
    wait = 0.0
    for count, seconds in limits:
        recent = sorted(h for h in hits if h > now - seconds)
        if len(recent) >= count:
            wait = max(wait, recent[len(recent) - count] + seconds - now)
    return 0 if wait <= 0 else max(1, int(wait + 0.999))


class DatabaseRateLimiter:
    def hit(self, *, keys: list[str], limits: Limits, now: float) -> int:
        longest = max(seconds for _, seconds in limits)
        with transaction.atomic():
            RateLimit.objects.bulk_create(
                [RateLimit(key=key) for key in keys], ignore_conflicts=True
            )
            # Locked in key order, so two posts sharing keys cannot deadlock.
            rows = list(RateLimit.objects.select_for_update().filter(key__in=keys).order_by("key"))
            for row in rows:
                row.hits = [h for h in row.hits if h > now - longest]
            wait = max(_retry_after(hits=row.hits, limits=limits, now=now) for row in rows)
            if not wait:
                for row in rows:
                    row.hits.append(now)
                    row.last_hit = now
            RateLimit.objects.bulk_update(rows, ["hits", "last_hit"])
        return wait

    def clear(self) -> None:
        RateLimit.objects.all().delete()


# KEYS: one sorted set of hit times per key. ARGV: now, a unique member, count/seconds pairs.
HIT_SCRIPT = """
local now = tonumber(ARGV[1])
local longest = 0
local wait = 0
for i = 3, #ARGV, 2 do
  local seconds = tonumber(ARGV[i + 1])
  if seconds > longest then longest = seconds end
end
for _, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - longest)
  for i = 3, #ARGV, 2 do
    local count, seconds = tonumber(ARGV[i]), tonumber(ARGV[i + 1])
    local recent = redis.call('ZRANGEBYSCORE', key, '(' .. (now - seconds), '+inf', 'WITHSCORES')
    local n = #recent / 2
    if n >= count then
      local freed = tonumber(recent[2 * (n - count + 1)]) + seconds - now
      if freed > wait then wait = freed end
    end
  end
end
if wait > 0 then return math.max(1, math.ceil(wait)) end
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[2])
  redis.call('EXPIRE', key, longest + 1)
end
return 0
"""


class RedisRateLimiter:
    prefix = "newsdesk:comments:rate:"

    def __init__(self, url: str):
        self.client = redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=2)
        self.script = self.client.register_script(HIT_SCRIPT)
        self.database = DatabaseRateLimiter()

    def hit(self, *, keys: list[str], limits: Limits, now: float) -> int:
        args = [repr(now), secrets.token_hex(8)] + [str(v) for pair in limits for v in pair]
        try:
            return int(self.script(keys=[self.prefix + key for key in keys], args=args))
        except redis.RedisError:
            # Comments are still taken while Redis is down; the database keeps the limits.
            logger.warning("Redis unreachable; comment rate limits use the database meanwhile")
            return self.database.hit(keys=keys, limits=limits, now=now)

    def clear(self) -> None:
        for key in self.client.scan_iter(match=self.prefix + "*"):
            self.client.delete(key)


@cache
def _limiter(redis_url: str):
    return RedisRateLimiter(redis_url) if redis_url else DatabaseRateLimiter()


def rate_limiter():
    return _limiter(settings.REDIS_URL)


def rate_limits_prune(*, now: float | None = None) -> int:
    """Delete the database's rate rows that no window can still see (worker job, hourly).

    Every visitor who ever posted leaves a row; Redis expires its keys itself.
    """
    longest = max((seconds for _, seconds in settings.NEWSDESK_COMMENTS_RATE_LIMITS), default=0)
    moment = time.time() if now is None else now
    deleted, _ = RateLimit.objects.filter(last_hit__lt=moment - longest).delete()
    return deleted


def rate_limit_hit(*, keys: list[str], now: float | None = None) -> int:
    """Record one post under every key if all have room; return 0, or the seconds to wait.

    A refused post is recorded under none of its keys, so a reader who waits is let in.
    """
    limits = settings.NEWSDESK_COMMENTS_RATE_LIMITS
    if not limits:
        return 0
    moment = time.time() if now is None else now
    return rate_limiter().hit(keys=sorted(set(keys)), limits=limits, now=moment)
