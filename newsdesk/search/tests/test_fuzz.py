"""The search page under random and hostile query strings: never a server error."""

import string

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsdesk.articles.models import ArticlePage
from newsdesk.core.tests.fuzz import fuzz, query_values

pytestmark = pytest.mark.django_db

PARAMETERS = ["q", "section", "published_from", "published_to", "page"]
RAW_QUERY = st.text(alphabet=string.printable + "%", max_size=80)


@pytest.fixture
def stories(story):
    story("Volcano erupts near the coast", text="Ash falls on three villages.")
    story("Markets steady after the rate decision", section="business")


@fuzz
@given(params=st.dictionaries(st.sampled_from(PARAMETERS), st.lists(query_values(), max_size=3)))
# Found by the long run: the last day of the calendar has no day after it.
@example(params={"published_to": ["9999-12-31"]})
@example(params={"published_from": ["0001-01-01"], "published_to": ["0001-01-01"]})
def test_any_search_parameters_get_an_answer_not_an_error(client, stories, params):
    response = client.get("/search/", params)

    assert response.status_code in {200, 400, 404}, params
    assert ArticlePage.objects.count() == 2


@fuzz
@given(raw=RAW_QUERY)
def test_any_raw_query_string_gets_an_answer_not_an_error(client, stories, raw):
    response = client.get("/search/?" + raw)

    assert response.status_code in {200, 400, 404}, raw
