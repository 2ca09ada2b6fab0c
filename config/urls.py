from django.conf import settings
from django.urls import include, path, re_path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from newsdesk.core.media import media_serve

handler500 = "newsdesk.core.errors.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("newsdesk.articles.urls")),
    path("comments/", include("newsdesk.comments.urls")),
    path("", include("newsdesk.analytics.urls")),
    path("search/", include("newsdesk.search.urls")),
    path("api/v2/", include("newsdesk.api.urls")),
]

if settings.NEWSDESK_SERVE_MEDIA:
    # The embedded setup has no front server; in production nginx or a CDN serves media.
    # Documents are left out: they go through /documents/, which sends them as downloads.
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", media_serve))

# Wagtail's own, routing sections and stories in one query (newsdesk/articles/views.py).
urlpatterns.append(path("", include("newsdesk.articles.page_urls")))
