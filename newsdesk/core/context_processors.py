from django.conf import settings


def site_meta(request):
    """Expose the site's name to every template without a query."""
    return {"site_name": settings.WAGTAIL_SITE_NAME}
