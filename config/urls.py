from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve as static_serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("newsdesk.articles.urls")),
    path("comments/", include("newsdesk.comments.urls")),
    path("", include("newsdesk.analytics.urls")),
    path("search/", include("newsdesk.search.urls")),
]

if settings.NEWSDESK_SERVE_MEDIA:
    # The embedded setup has no front server; in production nginx or a CDN serves media.
    urlpatterns.append(
        re_path(r"^media/(?P<path>.*)$", static_serve, {"document_root": settings.MEDIA_ROOT})
    )

urlpatterns.append(path("", include(wagtail_urls)))
