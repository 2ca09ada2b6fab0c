"""Stored pages, the versions of their tags and the rebuild lock, in the shared cache.

The shared cache is the `pages` alias: Redis when REDIS_URL is set, files in
the var dir otherwise, so every app process sees one copy of a page and one
set of versions. A page remembers the version of each tag it showed; clearing
a tag gives it a new version, so the page no longer matches and is rebuilt.

In front of the shared cache each process keeps the pages it served last,
trusted only while the generation (one value, moved by every clearing) is
the one they were checked under: a hit then costs one small read.
"""

import contextlib
import time
import uuid
from dataclasses import dataclass, replace
from functools import cached_property

from django.conf import settings
from django.core.cache import caches
from django.core.signals import setting_changed
from django.db import transaction
from django.dispatch import receiver
from django.middleware.gzip import re_accepts_gzip

# Part of every page's key: change it with Entry's fields, so copies stored by
# an earlier release (in Redis or var/pages/) are never read back.
ENTRY_FORMAT = 3
GENERATION_KEY = "generation"
LOCAL_ENTRIES = 256
LOCK_SECONDS = 30


@dataclass(frozen=True)
class Entry:
    status: int
    headers: dict[str, tuple[str, str]]  # as Django's ResponseHeaders keeps them
    body: bytes
    # The body gzipped once when stored, or None when that would not make it smaller.
    gzipped: bytes | None
    etag: str
    versions: dict[str, str | None]
    fresh_until: float

    @property
    def fresh(self) -> bool:
        return time.time() < self.fresh_until

    def for_reader(self, accept_encoding: str) -> tuple[dict[str, tuple[str, str]], bytes]:
        """The headers and body to send a reader whose browser accepts these encodings."""
        if self.gzipped is None or not re_accepts_gzip.search(accept_encoding):
            return self.headers, self.body
        return self._gzip_headers, self.gzipped

    @cached_property
    def _gzip_headers(self) -> dict[str, tuple[str, str]]:
        # Weak, as Django's GZipMiddleware makes it: the same page in other bytes.
        return self.headers | {
            "content-encoding": ("Content-Encoding", "gzip"),
            "content-length": ("Content-Length", str(len(self.gzipped))),
            "etag": ("ETag", f"W/{self.etag}"),
        }


def _tag_key(tag: str) -> str:
    return f"tag:{tag}"


class PageStore:
    def __init__(self, alias: str):
        self.alias = alias
        self._local: dict[str, tuple[str | None, Entry]] = {}

    @property
    def cache(self):
        return caches[self.alias]

    def generation(self) -> str | None:
        # Read on every hit: the file store answers from the file's metadata alone.
        stamp = getattr(self.cache, "stamp", None)
        return stamp(GENERATION_KEY) if stamp is not None else self.cache.get(GENERATION_KEY)

    def lookup(self, key: str) -> tuple[Entry | None, bool]:
        """Return the stored page and whether it is fresh; a stale one is still returned."""
        generation = self.generation()
        local = self._local.get(key)
        if local is not None and local[0] == generation and local[1].fresh:
            return local[1], True
        entry = self.cache.get(key)
        if entry is None:
            return None, False
        if entry.fresh and self._current(entry):
            self._remember(key, generation, entry)
            return entry, True
        return entry, False

    def save(self, *, key: str, entry: Entry, generation: str | None, fresh_seconds: int) -> Entry:
        """Record the tags' versions in the entry and store it, unless a clearing came meanwhile.

        A clearing during the render may have come after the data was read, so
        such a page is served once and not kept.
        """
        keys = {tag: _tag_key(tag) for tag in entry.versions}
        found = self.cache.get_many(list(keys.values()))
        entry = replace(
            entry,
            versions={tag: found.get(tag_key) for tag, tag_key in keys.items()},
            fresh_until=time.time() + fresh_seconds,
        )
        if self.generation() == generation:
            timeout = fresh_seconds + settings.NEWSDESK_PAGE_CACHE_STALE_SECONDS
            self.cache.set(key, entry, timeout)
            self._remember(key, generation, entry)
        return entry

    def lock(self, key: str) -> bool:
        """Take the right to rebuild key; only one request in all processes holds it at a time."""
        return self.cache.add(f"lock:{key}", 1, LOCK_SECONDS)

    def unlock(self, key: str) -> None:
        self.cache.delete(f"lock:{key}")

    def invalidate(self, tags: set[str]) -> None:
        version = uuid.uuid4().hex
        self.cache.set_many({_tag_key(tag): version for tag in tags}, None)
        # Versions first: a process that sees the new generation must find them.
        self.cache.set(GENERATION_KEY, version, None)

    def local_clear(self) -> None:
        self._local.clear()

    def _current(self, entry: Entry) -> bool:
        found = self.cache.get_many([_tag_key(tag) for tag in entry.versions])
        return all(found.get(_tag_key(tag)) == version for tag, version in entry.versions.items())

    def _remember(self, key: str, generation: str | None, entry: Entry) -> None:
        if len(self._local) >= LOCAL_ENTRIES:
            # Threads may race to drop the same oldest entry; losing that race is harmless.
            with contextlib.suppress(StopIteration, RuntimeError, KeyError):
                del self._local[next(iter(self._local))]
        self._local[key] = (generation, entry)


_store = PageStore("pages")


def page_store() -> PageStore:
    return _store


@receiver(setting_changed)
def _local_forget(*, setting, **kwargs):
    if setting == "CACHES":
        _store.local_clear()


def pages_invalidate(*, tags: set[str] | list[str]) -> None:
    """Clear every stored page that shows any of these tags, once the change is committed.

    Before the commit a request could render the old data and store it under
    the new versions, where it would stay.
    """
    tags = set(tags)
    if tags:
        # This process's rendered pieces go at once; other processes' with the generation.
        from .fragments import fragments_forget

        fragments_forget()
        transaction.on_commit(lambda: _store.invalidate(tags))
