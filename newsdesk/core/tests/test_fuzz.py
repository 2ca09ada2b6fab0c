"""The query-string number readers under random input: a number or a refusal, never a crash."""

from django.core.paginator import Page
from django.http import Http404
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from newsdesk.core.numbers import whole_number
from newsdesk.core.pagination import page_of

from .fuzz import fuzz, query_values


@fuzz
@given(value=st.one_of(query_values(), st.text()), max_digits=st.integers(1, 20))
def test_whole_number_reads_plain_digits_and_refuses_the_rest(value, max_digits):
    number = whole_number(value, max_digits=max_digits)

    plain = value.isascii() and value.isdigit() and len(value) <= max_digits
    assert number == (int(value) if plain else None)


@fuzz
@given(value=query_values(), size=st.integers(0, 45))
def test_page_of_gives_a_page_or_a_404(value, size):
    request = RequestFactory().get("/", {"page": value})
    try:
        page = page_of(request=request, items=list(range(size)), per_page=20)
    except Http404:
        return
    assert isinstance(page, Page)
    assert page.number == (int(value) if value else 1)
