"""Both rate-limit stores keep the same promises: the database always, Redis with REDIS_URL."""

import os

import pytest

from newsdesk.comments.models import RateLimit
from newsdesk.comments.ratelimit import DatabaseRateLimiter, RedisRateLimiter, rate_limits_prune

LIMITS = [(1, 15), (5, 600)]


@pytest.fixture(params=["database", "redis"])
def limiter(request, db):
    if request.param == "database":
        yield DatabaseRateLimiter()
        return
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.skip("REDIS_URL is not set; the Redis store is tested where it is")
    store = RedisRateLimiter(url)
    store.clear()
    yield store
    store.clear()


def test_one_post_per_15_seconds(limiter):
    assert limiter.hit(keys=["visitor:a"], limits=LIMITS, now=1000.0) == 0
    assert limiter.hit(keys=["visitor:a"], limits=LIMITS, now=1005.0) == 10
    assert limiter.hit(keys=["visitor:a"], limits=LIMITS, now=1015.5) == 0


def test_five_posts_per_ten_minutes(limiter):
    for n in range(5):
        assert limiter.hit(keys=["visitor:b"], limits=LIMITS, now=2000.0 + 20 * n) == 0
    assert limiter.hit(keys=["visitor:b"], limits=LIMITS, now=2100.0) == 500
    assert limiter.hit(keys=["visitor:b"], limits=LIMITS, now=2600.5) == 0


def test_keys_are_independent(limiter):
    assert limiter.hit(keys=["visitor:c"], limits=LIMITS, now=3000.0) == 0
    assert limiter.hit(keys=["visitor:d"], limits=LIMITS, now=3000.0) == 0


def test_a_post_refused_by_one_key_counts_against_none(limiter):
    assert limiter.hit(keys=["email:e"], limits=LIMITS, now=4000.0) == 0
    assert limiter.hit(keys=["email:e", "visitor:f"], limits=LIMITS, now=4001.0) > 0
    assert limiter.hit(keys=["visitor:f"], limits=LIMITS, now=4002.0) == 0


@pytest.mark.django_db
def test_the_worker_deletes_rows_no_window_still_sees(settings):
    settings.NEWSDESK_COMMENTS_RATE_LIMITS = LIMITS
    limiter = DatabaseRateLimiter()
    limiter.hit(keys=["visitor:old"], limits=LIMITS, now=5000.0)
    for n in range(5):
        limiter.hit(keys=["visitor:recent"], limits=LIMITS, now=5500.0 + 20 * n)
    assert rate_limits_prune(now=5610.0) == 1
    assert list(RateLimit.objects.values_list("key", flat=True)) == ["visitor:recent"]
    # The row kept still limits: five posts inside the last ten minutes.
    assert limiter.hit(keys=["visitor:recent"], limits=LIMITS, now=5612.0) > 0
