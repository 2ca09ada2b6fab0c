import os
import uuid

import pytest
from django.core.cache import cache

from newsdesk.analytics.store import read_store
from newsdesk.analytics.stories import story_forget
from newsdesk.analytics.visitors import salts_forget

REDIS_URL = os.environ.get("REDIS_URL", "")


@pytest.fixture(autouse=True)
def _fresh_process_state(settings):
    """Each test starts with no cached lists, remembered stories or salts, and its own
    Redis keys (test runs may share a Redis); test settings write reads as they come."""
    settings.NEWSDESK_ANALYTICS_REDIS_PREFIX = f"newsdesk-test:{uuid.uuid4().hex}:"
    cache.clear()
    story_forget()
    salts_forget()
    yield
    cache.clear()
    if REDIS_URL:
        settings.REDIS_URL = REDIS_URL
        read_store().keys_delete()


VENDOR = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"


@pytest.fixture(params=["database", "redis"], ids=[f"database-{VENDOR}", "redis"])
def store(request, settings, db):
    """The read store under test: the database one (SQLite, or PostgreSQL when
    DATABASE_URL points there) and the Redis one when REDIS_URL is set."""
    if request.param == "redis":
        if not REDIS_URL:
            pytest.skip("REDIS_URL is not set: the Redis store is tested where it is (CI)")
        settings.REDIS_URL = REDIS_URL
    else:
        settings.REDIS_URL = ""
    chosen = read_store()
    assert chosen.name == request.param
    return chosen
