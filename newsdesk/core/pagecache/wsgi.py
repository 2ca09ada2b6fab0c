"""Answer fresh page-cache hits before Django handles the request at all.

The middleware answers hits as well; here they also skip building the request,
the request signals and the middleware chain, which are most of what a hit
would cost. Anything else (a miss, a stale copy, a conditional request) goes
on to Django, where the middleware deals with it. The stored headers are those
every middleware gave the page when it was rendered.
"""

from http import HTTPStatus

from django.conf import settings

from .keys import request_key
from .store import page_store

STATE_HEADER = "X-Page-Cache"


class PageCacheWSGI:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if settings.NEWSDESK_PAGE_CACHE and "HTTP_IF_NONE_MATCH" not in environ:
            key = request_key(environ)
            if key is not None:
                entry, fresh = page_store().lookup(key)
                if fresh:
                    status = HTTPStatus(entry.status)
                    headers = [*entry.headers.values(), (STATE_HEADER, "HIT")]
                    start_response(f"{status.value} {status.phrase}", headers)
                    return [entry.body]
        return self.application(environ, start_response)
