"""The read beacon and the view-count endpoint."""

import time

from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from .beacon import beacon_status
from .selectors import story_views
from .staff import request_is_staff
from .stories import story_is_countable

VIEWS_MAX_AGE = 5


# Exempt from CSRF because the beacon proves what it may do with the signed
# per-article token in its body, sets no cookie and changes nothing but read
# counters; a forged cross-site beacon can at worst add a read, which the
# de-duplication and rate limit bound like any replay of the public token.
@csrf_exempt  # nosemgrep: newsdesk-csrf-exempt - signed token, no cookie; see the comment above
def read_beacon(request):
    """The beacons the WSGI front (wsgi.py) leaves to Django, and every test client's."""
    status = beacon_status(
        method=request.method,
        content_type=request.content_type,
        content_length=request.META.get("CONTENT_LENGTH", ""),
        body_read=request.read,
        meta=request.META,
        story_countable=lambda article_id: story_is_countable(article_id=article_id),
        is_staff=lambda: request_is_staff(request),
        at=time.time(),
    )
    if status == 405:
        return HttpResponseNotAllowed(["POST"])
    response = HttpResponse(status=status)
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
