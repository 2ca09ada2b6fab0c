"""The read beacon and the view-count endpoint."""

import json
import time

from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from newsdesk.core.numbers import whole_number

from .bots import robot_reason
from .selectors import story_views
from .services import beacon_turn_away, read_record
from .staff import request_is_staff
from .stories import story_is_countable
from .tokens import read_token_parse

MAX_BODY = 1024
# sendBeacon's text/plain needs no CORS preflight; fetch's fallback may send JSON.
CONTENT_TYPES = {"text/plain", "application/json"}
VIEWS_MAX_AGE = 5


def _refuse(reason: str, status: int, at: float) -> HttpResponse:
    beacon_turn_away(reason=reason, at=at)
    return HttpResponse(status=status)


def _token_of(body: bytes) -> str:
    try:
        data = json.loads(body)
    except ValueError:
        return ""
    token = data.get("token") if isinstance(data, dict) else None
    return token if isinstance(token, str) else ""


# Exempt from CSRF because the beacon proves what it may do with the signed
# per-article token in its body, sets no cookie and changes nothing but read
# counters; a forged cross-site beacon can at worst add a read, which the
# de-duplication and rate limit bound like any replay of the public token.
@csrf_exempt  # nosemgrep: newsdesk-csrf-exempt - signed token, no cookie; see the comment above
def read_beacon(request):
    at = time.time()
    if request.method != "POST":
        beacon_turn_away(reason="head" if request.method == "HEAD" else "method", at=at)
        return HttpResponseNotAllowed(["POST"])
    if request.content_type not in CONTENT_TYPES:
        return _refuse("content_type", 415, at)
    declared = whole_number(request.META.get("CONTENT_LENGTH") or "0")
    if declared is None or declared > MAX_BODY:
        return _refuse("too_large", 413, at)
    body = request.read(MAX_BODY + 1)
    if len(body) > MAX_BODY:
        return _refuse("too_large", 413, at)
    article_id = read_token_parse(token=_token_of(body))
    if article_id is None:
        return _refuse("bad_token", 400, at)
    if not story_is_countable(article_id=article_id):
        return _refuse("unknown_story", 404, at)
    reason = robot_reason(meta=request.META) or ("staff" if request_is_staff(request) else None)
    if reason:
        return _refuse(reason, 204, at)
    read_record(article_id=article_id, meta=request.META, at=at)
    response = HttpResponse(status=204)
    response["Cache-Control"] = "no-store"
    return response


def views_count(request, article_id: int):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    if not story_is_countable(article_id=article_id):
        return JsonResponse({"error": "No such story."}, status=404)
    response = JsonResponse({"views": story_views(article_id=article_id)})
    response["Cache-Control"] = f"public, max-age={VIEWS_MAX_AGE}"
    return response
