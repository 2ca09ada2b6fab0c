import pytest
from django.http import Http404
from django.test import RequestFactory

from newsdesk.core.pagination import page_of

ITEMS = list(range(45))


def page(query: dict):
    return page_of(request=RequestFactory().get("/", query), items=ITEMS, per_page=20)


def test_first_page_by_default():
    assert list(page({}).object_list) == list(range(20))


def test_last_page_holds_the_rest():
    assert list(page({"page": "3"}).object_list) == list(range(40, 45))


@pytest.mark.parametrize("number", ["0", "4", "-1", "abc", "1.5", "9" * 40, "１"])
def test_bad_numbers_are_404(number):
    with pytest.raises(Http404):
        page({"page": number})


def test_empty_list_has_an_empty_first_page():
    assert list(page_of(request=RequestFactory().get("/"), items=[], per_page=20)) == []
