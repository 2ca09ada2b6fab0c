"""Answer anonymous GET and HEAD requests for public pages from the page cache.

First in the stack but for gzip, so a hit runs no other middleware, no
session and no database query, and a stored page keeps the headers every
middleware gave it (config/wsgi.py answers fresh hits even earlier; this
handles the rest and the tests' client). What may be stored is decided after
the render: a 200 that set no cookie, varies on nothing but encoding (or
cookies), is not private, and that the configured tagger
(settings.NEWSDESK_PAGE_CACHE_TAGGER) recognises as a public page.
"""

import functools
import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.module_loading import import_string
from django.utils.text import compress_string

from .collector import collecting
from .keys import request_key
from .store import Entry, page_store
from .wsgi import LOOKUP_ENVIRON, STATE_HEADER

UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")
# What deploy/nginx.conf.template sets on every page it serves (NEWSDESK_FRONT_SECURITY_HEADERS).
FRONT_SECURITY_HEADERS = (
    "Content-Security-Policy",
    "Permissions-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
)


@functools.cache
def _tagger(path: str):
    return import_string(path)


def _response_cacheable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES):
        return False
    # Varying on Cookie is harmless here: requests with a session never reach the cache.
    vary = {value.strip().lower() for value in response.get("Vary", "").split(",") if value.strip()}
    if vary - {"accept-encoding", "cookie"}:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _answer(request, entry: Entry, state: str) -> HttpResponse:
    headers, body = entry.for_reader(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    response = HttpResponse(body, status=entry.status)
    # The headers were checked and encoded when the page was stored: copying
    # Django's own table of them skips doing it again on every hit.
    response.headers._store.update(headers)
    response.headers[STATE_HEADER] = state
    if "HTTP_IF_NONE_MATCH" in request.META:
        return get_conditional_response(request, etag=entry.etag, response=response)
    return response


def _cache_headers(response, *, tags: list[str], fresh: int) -> None:
    stale = settings.NEWSDESK_PAGE_CACHE_STALE_SECONDS
    response.headers["Cache-Control"] = (
        f"public, max-age=0, s-maxage={fresh}, stale-while-revalidate={fresh}, "
        f"stale-if-error={stale}"
    )
    response.headers["ETag"] = f'"{hashlib.blake2b(response.content, digest_size=16).hexdigest()}"'
    # Stored pages are sent gzipped to browsers that accept it (Entry.for_reader).
    patch_vary_headers(response, ("Accept-Encoding",))
    for header, separator in settings.NEWSDESK_PAGE_TAG_HEADERS.items():
        response.headers[header] = separator.join(tags)
    # nginx in front keeps pages briefly: it cannot be purged on publish.
    response.headers["X-Accel-Expires"] = str(settings.NEWSDESK_PAGE_CACHE_PROXY_SECONDS)
    if settings.NEWSDESK_FRONT_SECURITY_HEADERS:
        for header in FRONT_SECURITY_HEADERS:
            response.headers.pop(header, None)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.NEWSDESK_PAGE_CACHE:
            return self.get_response(request)
        # Behind the WSGI front (config/wsgi.py) the key and lookup are already made.
        key, found = request.META.pop(LOOKUP_ENVIRON, None) or (request_key(request.META), None)
        if key is None:
            return self.get_response(request)
        store = page_store()
        entry, fresh = found or store.lookup(key)
        if entry is not None and fresh:
            return _answer(request, entry, "HIT")
        if entry is None:
            return self._render(request, key=key, stale=None)
        if not store.lock(key):
            return _answer(request, entry, "STALE")  # another request is rebuilding it
        try:
            # The request that held the lock may have stored a fresh copy since our lookup.
            current, fresh = store.lookup(key)
            if current is not None and fresh:
                return _answer(request, current, "HIT")
            return self._render(request, key=key, stale=entry)
        finally:
            store.unlock(key)

    def _render(self, request, *, key: str, stale: Entry | None):
        store = page_store()
        generation = store.generation()
        with collecting() as collection:
            response = self.get_response(request)
        if response.status_code >= 500 and stale is not None:
            return _answer(request, stale, "STALE")
        if not _response_cacheable(request, response):
            return response
        tags = _tagger(settings.NEWSDESK_PAGE_CACHE_TAGGER)(request, response, collection.tags)
        if tags is None:
            return response
        tags = sorted(tags)
        fresh = settings.NEWSDESK_PAGE_CACHE_SECONDS
        if collection.max_age is not None:
            fresh = min(fresh, collection.max_age)
        _cache_headers(response, tags=tags, fresh=fresh)
        # Compressed once here, not on every hit: as GZipMiddleware would, but without
        # its padding, since a stored page holds nothing private to guess at.
        gzipped = compress_string(response.content)
        built = Entry(
            status=response.status_code,
            headers=dict(response.headers._store),
            body=response.content,
            gzipped=gzipped if len(gzipped) < len(response.content) else None,
            etag=response.headers["ETag"],
            versions=dict.fromkeys(tags),
            fresh_until=0,
        )
        entry = store.save(key=key, entry=built, generation=generation, fresh_seconds=fresh)
        return _answer(request, entry, "MISS")
