"""A URL that fails on purpose, to check the custom 500 page."""

from django.urls import path


def broken(request):
    raise RuntimeError("This view fails on purpose.")


urlpatterns = [path("broken/", broken)]
