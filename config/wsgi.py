import os

from django.core.wsgi import get_wsgi_application

from newsdesk.core.pagecache.wsgi import PageCacheWSGI

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

# Fresh cached pages are answered before Django handles the request.
application = PageCacheWSGI(get_wsgi_application())
