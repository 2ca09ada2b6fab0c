"""Pagination that answers a bad page number with a 404, never a 500."""

from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404

from .numbers import whole_number


def page_of(*, request, items, per_page: int) -> Page:
    """Return the requested page of items; an unknown or malformed number is a 404."""
    number = whole_number(request.GET.get("page") or "1", max_digits=6)
    if number is None:
        raise Http404("No such page.")
    try:
        return Paginator(items, per_page, allow_empty_first_page=True).page(number)
    except InvalidPage as error:
        raise Http404("No such page.") from error
