import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
django_application = get_wsgi_application()

# The fronts use models, so they are imported once Django is set up.
from newsdesk.analytics.wsgi import ReadBeaconWSGI  # noqa: E402
from newsdesk.core.pagecache.wsgi import PageCacheWSGI  # noqa: E402

# Read beacons and fresh cached pages are answered before Django handles the request.
application = ReadBeaconWSGI(PageCacheWSGI(django_application))
