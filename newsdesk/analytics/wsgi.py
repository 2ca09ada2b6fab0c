"""Answer read beacons before Django handles the request.

Every page view sends one, cached pages included, so on a busy site the
beacon is the commonest request; Django's request object, signals and
middleware would cost several times what counting it does. Here a beacon
skips them and runs the same checks as the view (beacon.py). What needs the
database or a session goes on to the view instead: a visitor with a session
cookie (staff previewing are not counted), a story or day salt this process
has not looked up yet, a host Django would have to judge.
"""

import io
import time
from functools import lru_cache
from http import HTTPStatus

from django.conf import settings
from django.http.request import split_domain_port, validate_host
from django.urls import reverse

from .beacon import beacon_status
from .store.base import day_of
from .stories import story_remembered
from .visitors import salt_remembered


class _NeedsDjango(Exception):
    """The beacon needs the database; Django's view answers it."""


@lru_cache(maxsize=64)
def _host_allowed(host: str, allowed: tuple[str, ...]) -> bool:
    domain, _ = split_domain_port(host)
    return bool(domain) and validate_host(domain, allowed)


def _story_remembered_or_defer(article_id: int) -> bool:
    known = story_remembered(article_id=article_id)
    if known is None:
        raise _NeedsDjango
    return known


def _not_staff() -> bool:
    # Requests with a session cookie never get this far: see _answerable.
    return False


STATUS_LINES = {status.value: f"{status.value} {status.phrase}" for status in HTTPStatus}


class ReadBeaconWSGI:
    def __init__(self, application):
        self.application = application
        self._path = None

    def _settings_read(self) -> None:
        # Read once, on the first request: settings do not change while a server runs.
        self._path = reverse("analytics:read")
        self._hosts = tuple(settings.ALLOWED_HOSTS)
        self._hosts_forwarded = settings.USE_X_FORWARDED_HOST
        self._session_cookie = f"{settings.SESSION_COOKIE_NAME}="

    def __call__(self, environ, start_response):
        if self._path is None:
            self._settings_read()
        if environ.get("PATH_INFO") != self._path:
            return self.application(environ, start_response)
        at = time.time()
        if not self._answerable(environ, at):
            return self.application(environ, start_response)
        stream, body = environ["wsgi.input"], b""

        def body_read(size: int) -> bytes:
            nonlocal body
            body = stream.read(size)
            return body

        try:
            status = beacon_status(
                method=environ["REQUEST_METHOD"],
                content_type=environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower(),
                content_length=environ.get("CONTENT_LENGTH", ""),
                body_read=body_read,
                meta=environ,
                story_countable=_story_remembered_or_defer,
                is_staff=_not_staff,
                at=at,
            )
        except _NeedsDjango:
            environ["wsgi.input"] = io.BytesIO(body)
            return self.application(environ, start_response)
        headers = [("Cache-Control", "no-store"), ("Content-Length", "0")]
        if status == 405:
            headers.append(("Allow", "POST"))
        start_response(STATUS_LINES[status], headers)
        return [b""]

    def _answerable(self, environ, at: float) -> bool:
        host = environ.get("HTTP_HOST")
        return (
            bool(host)
            and not self._hosts_forwarded
            and _host_allowed(host, self._hosts)
            and self._session_cookie not in environ.get("HTTP_COOKIE", "")
            and salt_remembered(day_of(at))
        )
