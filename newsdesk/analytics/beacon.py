"""What a read beacon is worth: the checks, in order, and the count.

Shared by the Django view and the WSGI front (wsgi.py), which answers most
beacons before Django: both hand over the request's parts and get the HTTP
status to answer with.
"""

import json
from collections.abc import Callable
from functools import lru_cache

from newsdesk.core.numbers import whole_number

from .bots import robot_reason
from .services import beacon_turn_away, read_record
from .tokens import read_token_parse

MAX_BODY = 1024
# sendBeacon's text/plain needs no CORS preflight; fetch's fallback may send JSON.
CONTENT_TYPES = {"text/plain", "application/json"}


def _token_of(body: bytes) -> str:
    try:
        data = json.loads(body)
    except ValueError:
        return ""
    token = data.get("token") if isinstance(data, dict) else None
    return token if isinstance(token, str) else ""


@lru_cache(maxsize=4096)
def _article_of(token: str) -> int | None:
    # A page's token is the same for every reader: check each signature once.
    return read_token_parse(token=token)


def beacon_status(
    *,
    method: str,
    content_type: str,
    content_length: str,
    body_read: Callable[[int], bytes],
    meta: dict,
    story_countable: Callable[[int], bool],
    is_staff: Callable[[], bool],
    at: float,
) -> int:
    """Count the beacon if it is a person's first read of a live story; return the status.

    content_type comes without its parameters; body_read(n) reads up to n bytes.
    Whatever is not counted is tallied by reason for the editors' metrics.
    """
    if method != "POST":
        beacon_turn_away(reason="head" if method == "HEAD" else "method", at=at)
        return 405
    reason, status = None, 204
    declared = whole_number(content_length or "0")
    if content_type not in CONTENT_TYPES:
        reason, status = "content_type", 415
    elif declared is None or declared > MAX_BODY:
        reason, status = "too_large", 413
    else:
        body = body_read(declared)
        article_id = _article_of(_token_of(body))
        if article_id is None:
            reason, status = "bad_token", 400
        elif not story_countable(article_id):
            reason, status = "unknown_story", 404
        else:
            reason = robot_reason(meta=meta) or ("staff" if is_staff() else None)
    if reason:
        beacon_turn_away(reason=reason, at=at)
    else:
        read_record(article_id=article_id, meta=meta, at=at)
    return status
