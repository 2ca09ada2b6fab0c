"""The page cache tests' routes, then the site's own (middleware reverses admin addresses)."""

from django.urls import include, path

from .pagecache_views import not_a_page, private, ranking, story, with_cookie, with_csrf_token

urlpatterns = [
    path("story/", story),
    path("ranking/", ranking),
    path("cookie/", with_cookie),
    path("csrf/", with_csrf_token),
    path("private/", private),
    path("not-a-page/", not_a_page),
    path("", include("config.urls")),
]
