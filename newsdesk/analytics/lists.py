"""Rendered ranking lists, cached briefly: they change by the minute, pages by the hour.

Each list is kept for NEWSDESK_ANALYTICS_LIST_SECONDS with the version it was
built under; editors' pins and keep-outs, and publication changes, move the
version on, so their change shows at the next render in the process that
made it and within that many seconds everywhere else.
"""

import uuid

from django.conf import settings
from django.core.cache import cache

VERSION_KEY = "analytics:lists:version"


def lists_invalidate() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def list_cached(*, name: str, build) -> str:
    """Return the cached fragment called name, building and storing it when missing or stale.

    The fragment is stored with the version it was built under, so the version
    and the fragment come back in one cache round trip.
    """
    key = f"analytics:list:{name}"
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    stored = found.get(key)
    if stored is not None and stored[0] == version:
        return stored[1]
    html = build()
    cache.set(key, (version, html), settings.NEWSDESK_ANALYTICS_LIST_SECONDS)
    return html
