"""Answer fresh page-cache hits before Django handles the request at all.

The middleware answers hits as well; here they also skip building the request,
the request signals and the middleware chain, which are most of what a hit
would cost. Anything else (a miss, a stale copy, a conditional request) goes
on to Django, where the middleware deals with it, starting from the key and
lookup made here. The stored headers are those every middleware gave the page
when it was rendered.
"""

from http import HTTPStatus

from django.conf import settings

from .keys import request_key
from .store import page_store

STATE_HEADER = "X-Page-Cache"
# The environ entry carrying (key, lookup) to the middleware, so neither is done twice.
LOOKUP_ENVIRON = "newsdesk.page_cache"


class PageCacheWSGI:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if settings.NEWSDESK_PAGE_CACHE and "HTTP_IF_NONE_MATCH" not in environ:
            key = request_key(environ)
            found = page_store().lookup(key) if key is not None else (None, False)
            entry, fresh = found
            if fresh:
                status = HTTPStatus(entry.status)
                headers, body = entry.for_reader(environ.get("HTTP_ACCEPT_ENCODING", ""))
                start_response(
                    f"{status.value} {status.phrase}", [*headers.values(), (STATE_HEADER, "HIT")]
                )
                return [body]
            environ[LOOKUP_ENVIRON] = (key, found)
        return self.application(environ, start_response)
