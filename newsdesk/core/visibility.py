"""Leave out pages under a view restriction, inside the query itself."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def without_view_restrictions(pages):
    """Exclude pages that are, or sit under, a page with a view restriction.

    Wagtail's public() first loads every restriction in a query of its own,
    once per list; a correlated subquery does the same inside each list's query.
    """
    restricted_ancestor = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.exclude(Exists(restricted_ancestor))
