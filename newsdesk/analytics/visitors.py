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

_salts: dict[date, bytes] = {}
_lock = threading.Lock()


def _salt_for(day: date) -> bytes:
    salt = _salts.get(day)
    if salt is None:
        # get_or_create re-reads the row when another process inserted it first.
        row, _ = VisitorSalt.objects.get_or_create(
            day=day, defaults={"salt": secrets.token_hex(32)}
        )
        salt = row.salt.encode()
        with _lock:
            _salts.clear()
            _salts[day] = salt
    return salt


def salt_remembered(day: date) -> bool:
    """Return whether this process knows the day's salt without asking the database."""
    return day in _salts


def visitor_keys(*, meta: dict, day: date) -> tuple[str, str]:
    """Return (visitor hash, client hash) for a request on a given day."""
    salt = _salt_for(day)
    address = client_address(meta=meta)
    agent = meta.get("HTTP_USER_AGENT", "")[:512]
    visitor = hmac.new(salt, f"{address}\n{agent}".encode(), hashlib.sha256).hexdigest()
    client = hmac.new(salt, address.encode(), hashlib.sha256).hexdigest()[:32]
    return visitor, client


def salts_forget() -> None:
    """Drop the process's remembered salts (tests, and after the worker deletes old ones)."""
    with _lock:
        _salts.clear()
