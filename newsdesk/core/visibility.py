"""Leave out pages under a view restriction, reading the restrictions once per request.

Wagtail's public() and its view-restriction check each query the restriction
table, once per list and twice per page served. The table holds a handful of
rows at most, so a request reads it whole once and every list and the serve
check use that read. Outside a request (worker, shell) each call reads afresh.
"""

import threading

from django.core.signals import request_finished, request_started
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction

_request = threading.local()


def _restrictions_load() -> list[PageViewRestriction]:
    return list(PageViewRestriction.objects.select_related("page"))


def view_restrictions() -> list[PageViewRestriction]:
    """Return every page view restriction, from this request's read when inside one."""
    if not getattr(_request, "active", False):
        return _restrictions_load()
    if _request.restrictions is None:
        _request.restrictions = _restrictions_load()
    return _request.restrictions


def _request_begin(**kwargs) -> None:
    _request.active, _request.restrictions = True, None


def _request_end(**kwargs) -> None:
    _request.active, _request.restrictions = False, None


def _restrictions_changed(**kwargs) -> None:
    _request.restrictions = None


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
    for restriction in view_restrictions():
        restricted |= Q(path__startswith=restriction.page.path)
    return pages.exclude(restricted) if restricted else pages


class RestrictionsReadOnce:
    """A page mixin: Wagtail's serve-time restriction check, answered from the request's read."""

    def get_view_restrictions(self):
        # An alias takes its source's restrictions, which only Wagtail's own lookup follows.
        if self.alias_of_id or any(self.path.startswith(r.page.path) for r in view_restrictions()):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()
