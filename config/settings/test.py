"""Fast, isolated test settings."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="newsdesk-test-media-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# Tests that change data and re-request a page would see the cached copy; the
# page cache's own tests switch it on.
NEWSDESK_PAGE_CACHE = False
ALLOWED_HOSTS = ["*"]
# Beacons are written in the request that sends them: a drainer thread writing on its own
# would race the live server's requests for the in-memory test database's table locks.
# The buffer's own tests switch buffering on.
NEWSDESK_ANALYTICS_BUFFER_MS = 0
