"""Pagination that answers a bad page number with a 404, never a 500."""

from dataclasses import dataclass

from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404

from .numbers import whole_number

# Listings reach this deep by "Older stories"; the archive beyond is in the sitemaps
# and search. It bounds the OFFSET a stranger can make the database skip.
DEEPEST_PAGE = 10_000


def _number(request, *, deepest: int) -> int:
    number = whole_number(request.GET.get("page") or "1", max_digits=6)
    if number is None or not 1 <= number <= deepest:
        raise Http404("No such page.")
    return number


def page_of(*, request, items, per_page: int) -> Page:
    """Return the requested page of items, counted; an unknown or malformed number is a 404."""
    number = _number(request, deepest=10**6)
    try:
        return Paginator(items, per_page, allow_empty_first_page=True).page(number)
    except InvalidPage as error:
        raise Http404("No such page.") from error


@dataclass
class Window:
    """One page of a list too long to count on every view; reads like Django's Page."""

    number: int
    object_list: list
    more: bool

    def has_next(self) -> bool:
        return self.more

    def has_previous(self) -> bool:
        return self.number > 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


def window_of(*, request, items, per_page: int) -> Window:
    """Return the requested page of items without counting them (one query, one row extra)."""
    number = _number(request, deepest=DEEPEST_PAGE)
    start = (number - 1) * per_page
    rows = list(items[start : start + per_page + 1])
    if number > 1 and not rows:
        raise Http404("No such page.")
    return Window(number=number, object_list=rows[:per_page], more=len(rows) > per_page)
