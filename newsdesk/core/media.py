"""Serve uploaded media in the embedded setup, minus the files that must not open inline."""

import posixpath

from django.conf import settings
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views.static import serve

# Wagtail's documents live here; they are downloaded through /documents/, which sends
# them as attachments under "default-src 'none'", so an uploaded HTML or SVG never
# runs as a page of this site.
DOCUMENTS_DIR = "documents"
# As long as deploy/nginx.conf.template lets browsers keep media: a reader coming
# back to a story should not fetch its pictures again.
MEDIA_MAX_AGE = 30 * 24 * 3600


def media_serve(request, path: str):
    """Serve a file under MEDIA_ROOT, except documents (404), however the path is spelt."""
    normalised = posixpath.normpath(path).lstrip("/")
    if normalised.split("/", 1)[0] == DOCUMENTS_DIR:
        raise Http404("Documents are served from /documents/.")
    response = serve(request, normalised, document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=MEDIA_MAX_AGE)
    return response
