"""The read beacon and view counts under random and hostile requests: never a server
error, and nothing but a genuine token for a published story adds a read."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdesk.analytics.tokens import read_token_make
from newsdesk.articles.tests.factories import ArticlePageFactory, SectionPageFactory
from newsdesk.core.tests.fuzz import HOSTILE, NUMBERISH, fuzz, query_values

from .test_beacon import BROWSER, views_of

CONTENT_TYPES = st.sampled_from(
    ["text/plain", "application/json", "text/plain; charset=latin-1", "multipart/form-data",
     "application/x-www-form-urlencoded", "", "text/html", "application/json; charset=utf-16"]
)  # fmt: skip
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)


@pytest.fixture
def story(store):
    return ArticlePageFactory(section=SectionPageFactory(), lead_image=None)


def bodies(story_id: int) -> st.SearchStrategy[bytes]:
    """Bodies a beacon might carry: bytes, JSON of any shape, and tokens close to real."""
    genuine = read_token_make(article_id=story_id)
    tokens = st.one_of(
        st.text(max_size=60),
        st.sampled_from(HOSTILE + NUMBERISH),
        # The story's signature on another number.
        st.builds(
            lambda n: f"{n}:{genuine.split(':', 1)[1]}",
            st.integers().filter(lambda n: n != story_id),
        ),
        st.builds(lambda s: f"{story_id}:{s}", st.text(max_size=40)),
        st.just(genuine[:-1]),
    )
    return st.one_of(
        st.binary(max_size=1500),
        JSON_VALUES.map(lambda v: json.dumps(v).encode()),
        tokens.map(lambda t: json.dumps({"token": t}).encode()),
    )


@fuzz
@given(data=st.data(), content_type=CONTENT_TYPES, agent=st.one_of(st.just(BROWSER), st.text()))
def test_no_beacon_but_a_genuine_one_counts_a_read(client, store, story, data, content_type, agent):
    body = data.draw(bodies(story.pk))

    response = client.generic(
        "POST",
        "/analytics/read/",
        body,
        content_type=content_type,
        HTTP_USER_AGENT=agent,
        REMOTE_ADDR="203.0.113.7",
    )

    assert response.status_code < 500, body
    assert views_of(client, story, store) == 0, body


@fuzz
@given(method=st.sampled_from(["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"]))
def test_other_methods_are_refused(client, store, story, method):
    response = client.generic(method, "/analytics/read/", b'{"token": "x"}')

    assert response.status_code == 405
    assert views_of(client, store=store, story=story) == 0


def declared_lengths(body: bytes) -> st.SearchStrategy[str]:
    """A Content-Length header: garbage, too large, or up to the body's true length.

    A length beyond the body but within the limit cannot be sent through the test
    client (it refuses to read past its payload); a real server stops at the body.
    """
    return st.one_of(
        query_values(),
        st.integers(min_value=1025).map(str),
        st.integers(min_value=0, max_value=len(body)).map(str),
    ).filter(
        lambda value: (
            not (value.isascii() and value.isdigit()) or not len(body) < int(value) <= 1024
        )
    )


@fuzz
@given(data=st.data())
def test_any_declared_length_gets_an_answer(client, store, story, data):
    body = json.dumps({"token": read_token_make(article_id=story.pk)}).encode()
    length = data.draw(declared_lengths(body))

    response = client.generic(
        "POST", "/analytics/read/", body, content_type="text/plain", CONTENT_LENGTH=length
    )

    assert response.status_code < 500, length
