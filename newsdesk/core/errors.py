"""The server-error page: a friendly 503 while the database is unreachable, else the 500 page."""

import sys

from django.db import DatabaseError
from django.http import HttpResponse
from django.template.loader import render_to_string

# How long a reader's browser or a proxy should wait before asking again.
RETRY_AFTER_SECONDS = 30


def server_error(request):
    """Answer an unhandled error without touching the database (it may be the cause)."""
    if isinstance(sys.exc_info()[1], DatabaseError):
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    else:
        response = HttpResponse(render_to_string("500.html"), status=500)
    response["Cache-Control"] = "no-store"
    return response
