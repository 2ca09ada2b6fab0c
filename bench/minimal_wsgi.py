"""The Python ceiling for page_speed.py: one Django view returning a file's bytes from memory.

No database, no middleware, no templates: what any Django page costs at the
least on this app server. granian loads it as `bench.minimal_wsgi:application`
with PAGE_SPEED_BODY naming the file.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

BODY = Path(os.environ["PAGE_SPEED_BODY"]).read_bytes()


def page(request, route=""):
    return HttpResponse(BODY)


urlpatterns = [path("", page), path("<path:route>", page)]

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-only-not-secret",  # noqa: S106
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)
application = get_wsgi_application()
