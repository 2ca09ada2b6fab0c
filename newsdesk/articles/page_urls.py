"""Wagtail's front-end URLs, with its page view replaced by page_serve (same name and pattern)."""

from django.urls import re_path
from wagtail import urls as wagtail_urls

from .views import page_serve


def _ours(pattern):
    if getattr(pattern, "name", None) != "wagtail_serve":
        return pattern
    return re_path(pattern.pattern.regex.pattern, page_serve, name="wagtail_serve")


urlpatterns = [_ours(pattern) for pattern in wagtail_urls.urlpatterns]
