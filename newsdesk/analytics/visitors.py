"""Recognise a returning visitor for a day without keeping who they are.

visitor = HMAC-SHA256(today's salt, address + user agent). The salt is random,
kept in the database (every app process must agree on it) and replaced each
UTC day; the worker deletes old ones, after which yesterday's hashes can no
longer be recomputed from an address. The rate limit uses the address alone,
hashed the same way.
"""

import hashlib
import hmac
import secrets
import threading
from datetime import date

from newsdesk.core.client import client_address

from .models import VisitorSalt

# The day's HMAC with its key already set up: each visitor copies it (half the work).
_keyed_by_day: dict[date, hmac.HMAC] = {}
_lock = threading.Lock()


def _keyed_for(day: date) -> hmac.HMAC:
    keyed = _keyed_by_day.get(day)
    if keyed is None:
        # get_or_create re-reads the row when another process inserted it first.
        row, _ = VisitorSalt.objects.get_or_create(
            day=day, defaults={"salt": secrets.token_hex(32)}
        )
        keyed = hmac.new(row.salt.encode(), digestmod=hashlib.sha256)
        with _lock:
            _keyed_by_day.clear()
            _keyed_by_day[day] = keyed
    return keyed


def _mac(keyed: hmac.HMAC, message: str) -> str:
    mac = keyed.copy()
    mac.update(message.encode())
    return mac.hexdigest()


def salt_remembered(day: date) -> bool:
    """Return whether this process knows the day's salt without asking the database."""
    return day in _keyed_by_day


def visitor_keys(*, meta: dict, day: date) -> tuple[str, str]:
    """Return (visitor hash, client hash) for a request on a given day."""
    keyed = _keyed_for(day)
    address = client_address(meta=meta)
    agent = meta.get("HTTP_USER_AGENT", "")[:512]
    return _mac(keyed, f"{address}\n{agent}"), _mac(keyed, address)[:32]


def salts_forget() -> None:
    """Drop the process's remembered salts (tests, and after the worker deletes old ones)."""
    with _lock:
        _keyed_by_day.clear()
