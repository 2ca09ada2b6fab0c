"""The read store: Redis when settings.REDIS_URL is set, else the project's database."""

from django.conf import settings

from .base import Read, ReadStore
from .database import DatabaseStore

_stores: dict[tuple[str, str], ReadStore] = {}


def read_store() -> ReadStore:
    """Return this process's store for the current settings (tests switch them)."""
    url, prefix = settings.REDIS_URL, settings.NEWSDESK_ANALYTICS_REDIS_PREFIX
    key = (url, prefix)
    if key not in _stores:
        if url:
            from .redis import RedisStore

            _stores[key] = RedisStore(url=url, prefix=prefix)
        else:
            _stores[key] = DatabaseStore()
    return _stores[key]


__all__ = ["Read", "ReadStore", "read_store"]
