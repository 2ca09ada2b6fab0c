"""Which requests the page cache may answer, and the key of the page they ask for.

Read from the WSGI environ alone (Django's request.META is the same dict), so
the WSGI front and the middleware agree on every key.
"""

import hashlib
from urllib.parse import parse_qsl

from django.conf import settings
from django.http.cookie import parse_cookie

from .store import ENTRY_FORMAT


def _scheme(environ) -> str:
    # As HttpRequest.scheme: the proxy's header when one is configured.
    header = settings.SECURE_PROXY_SSL_HEADER
    if header:
        name, secure_value = header
        value = environ.get(name)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure_value else "http"
    return environ.get("wsgi.url_scheme", "http")


def request_key(environ) -> str | None:
    """The page's key, or None when the request must pass through the cache untouched."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
    if path.startswith(settings.NEWSDESK_PAGE_CACHE_SKIP_PREFIXES):
        return None
    # A session means an editor or a reader with state: never served from nor stored in the cache.
    cookies = environ.get("HTTP_COOKIE")
    if "HTTP_AUTHORIZATION" in environ or (
        cookies and settings.SESSION_COOKIE_NAME in parse_cookie(cookies)
    ):
        return None
    query = environ.get("QUERY_STRING", "")
    # Unknown parameters (tracking, cache busting) would each make a new copy.
    allowed = settings.NEWSDESK_PAGE_CACHE_QUERY_PARAMS
    if query and any(name not in allowed for name, _ in parse_qsl(query, keep_blank_values=True)):
        return None
    # The raw Host header, unchecked: a host Django refuses is answered 400 and never
    # stored, so no key made from it ever finds a page.
    host = environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME')}:{environ.get('SERVER_PORT')}"
    address = f"{_scheme(environ)}://{host.lower()}{path}?{query}"
    # Pages stored without the security headers a front sets are never served by an app without one.
    headers = "front" if settings.NEWSDESK_FRONT_SECURITY_HEADERS else "own"
    return f"page:{ENTRY_FORMAT}:{headers}:{hashlib.sha256(address.encode()).hexdigest()}"
