"""Wagtail's Site lookup, answered from this process's kept copy.

Wagtail looks the site up with a query on every request. The sites table
changes rarely, and every change to a site clears every page (`all`), which
also drops what this process keeps (fragments.py); a root page changes its
path only by a publish or a move, which clear every page too. So the lookup
is kept per host and port, as plain values; each request gets its own Site
built from them, as threads must not share a model instance.
"""

from dataclasses import dataclass

from django.http.request import split_domain_port
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from newsdesk.core.pagecache.fragments import process_kept

_FIELDS = tuple(field.attname for field in Site._meta.concrete_fields)


@dataclass(frozen=True)
class KeptSite:
    db: str
    values: tuple
    root_path: str  # the root page's url_path
    root_class: type | None  # the root page's specific model

    def site(self) -> Site:
        return Site.from_db(self.db, _FIELDS, self.values)


def _site_load(hostname: str, port: int) -> KeptSite | None:
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    root: Page = site.root_page
    return KeptSite(
        db=site._state.db,
        values=tuple(getattr(site, name) for name in _FIELDS),
        root_path=root.url_path,
        root_class=root.specific_class,
    )


def kept_site(request) -> KeptSite | None:
    """The site serving this request, as kept in this process; sets Wagtail's request copy."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    kept = process_kept(name="site", key=(hostname, port), load=lambda: _site_load(hostname, port))
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = None if kept is None else kept.site()
    return kept
