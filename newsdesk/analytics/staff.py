"""Recognise newsroom staff previewing the site, without touching request.session.

Reading request.session would let SessionMiddleware answer with Set-Cookie
(it deletes a stale session cookie) and Vary: Cookie; the beacon must set no
cookie, so the session is read through a separate store object instead.
Anonymous readers have no session cookie and cost nothing here.
"""

from importlib import import_module
from types import SimpleNamespace

from django.conf import settings
from django.contrib.auth import get_user


def request_is_staff(request) -> bool:
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not session_key:
        return False
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key=session_key)
    user = get_user(SimpleNamespace(session=store))
    return user.is_authenticated and (user.is_staff or user.has_perm("wagtailadmin.access_admin"))
