"""Leave out pages under a view restriction, reading the restrictions once per change.

Wagtail's public() and its view-restriction check each query the restriction
table, once per list and twice per page served. The table holds a handful of
rows at most, so each process keeps the restricted pages' paths as it keeps
rendered pieces (core/pagecache/fragments.py): a restriction's save or delete
clears every page and with them what is kept. Within a request the paths are
read once, and read again if a restriction changes mid-request.
"""

import threading

from django.core.signals import request_finished, request_started
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction

from .pagecache.fragments import process_kept

_request = threading.local()


def _restricted_paths_load() -> tuple[str, ...]:
    return tuple(PageViewRestriction.objects.values_list("page__path", flat=True))


def restricted_paths() -> tuple[str, ...]:
    """Return the tree paths of the pages under a view restriction."""
    paths = getattr(_request, "paths", None) if getattr(_request, "active", False) else None
    if paths is None:
        paths = process_kept(name="view-restrictions", key=None, load=_restricted_paths_load)
        if getattr(_request, "active", False):
            _request.paths = paths
    return paths


def _request_begin(**kwargs) -> None:
    _request.active, _request.paths = True, None


def _request_end(**kwargs) -> None:
    _request.active, _request.paths = False, None


def _restrictions_changed(**kwargs) -> None:
    _request.paths = None


def restrictions_follow_requests() -> None:
    """Scope the read to each request, and drop it when a restriction changes mid-request."""
    request_started.connect(_request_begin, dispatch_uid="visibility_begin")
    request_finished.connect(_request_end, dispatch_uid="visibility_end")
    for signal in (post_save, post_delete):
        signal.connect(
            _restrictions_changed, sender=PageViewRestriction, dispatch_uid=f"visibility_{signal}"
        )


def without_view_restrictions(pages):
    """Exclude pages that are, or sit under, a page with a view restriction.

    A plain path filter, so Wagtail's search backends accept it too.
    """
    restricted = Q()
    for path in restricted_paths():
        restricted |= Q(path__startswith=path)
    return pages.exclude(restricted) if restricted else pages


class RestrictionsReadOnce:
    """A page mixin: Wagtail's serve-time restriction check, answered from the kept paths."""

    def get_view_restrictions(self):
        # An alias takes its source's restrictions, which only Wagtail's own lookup follows.
        if self.alias_of_id or any(self.path.startswith(path) for path in restricted_paths()):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()
