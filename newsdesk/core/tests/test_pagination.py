import pytest
from django.http import Http404
from django.test import RequestFactory

from newsdesk.core.pagination import DEEPEST_PAGE, page_of, window_of

ITEMS = list(range(45))


@pytest.fixture(params=[page_of, window_of], ids=["counted", "window"])
def paginate(request):
    def page(query: dict, items=ITEMS):
        return request.param(request=RequestFactory().get("/", query), items=items, per_page=20)

    return page


def test_first_page_by_default(paginate):
    first = paginate({})
    assert list(first.object_list) == list(range(20))
    assert (first.has_previous(), first.has_next(), first.next_page_number()) == (False, True, 2)


def test_last_page_holds_the_rest(paginate):
    last = paginate({"page": "3"})
    assert list(last.object_list) == list(range(40, 45))
    assert (last.has_previous(), last.has_next(), last.previous_page_number()) == (True, False, 2)


@pytest.mark.parametrize("number", ["0", "4", "-1", "abc", "1.5", "9" * 40, "１"])
def test_bad_numbers_are_404(paginate, number):
    with pytest.raises(Http404):
        paginate({"page": number})


def test_empty_list_has_an_empty_first_page(paginate):
    assert list(paginate({}, items=[]).object_list) == []


def test_a_window_goes_no_deeper_than_its_limit():
    items = range(10**9)  # never counted, only sliced
    request = RequestFactory().get("/", {"page": str(DEEPEST_PAGE)})
    assert window_of(request=request, items=items, per_page=20).has_next()
    with pytest.raises(Http404):
        window_of(
            request=RequestFactory().get("/", {"page": str(DEEPEST_PAGE + 1)}),
            items=items,
            per_page=20,
        )
