"""Leave out pages under a view restriction, reading the restrictions once per change.

Wagtail's public() and its view-restriction check each query the restriction
table, once per list and twice per page served. The table holds a handful of
rows at most, so each process keeps the restricted pages' paths as it keeps
rendered pieces (core/pagecache/fragments.py): a restriction's save or delete
clears every page (articles/page_cache.py), and with them what is kept, in this
process at once.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from .pagecache.fragments import process_kept


def _restricted_paths_load() -> tuple[str, ...]:
    return tuple(PageViewRestriction.objects.values_list("page__path", flat=True))


def restricted_paths() -> tuple[str, ...]:
    """Return the tree paths of the pages under a view restriction."""
    return process_kept(name="view-restrictions", key=None, load=_restricted_paths_load)


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
