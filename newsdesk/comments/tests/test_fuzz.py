"""The comment endpoints under random and hostile input: never a server error, and a
refused post or report stores nothing."""

import time
from urllib.parse import urlencode

import pytest
from django.conf import settings
from hypothesis import given
from hypothesis import strategies as st

from newsdesk.comments import guard
from newsdesk.comments.models import Comment, Report
from newsdesk.core.tests.fuzz import HOSTILE, NUMBERISH, fuzz, query_values

from .factories import CommentFactory

pytestmark = pytest.mark.django_db

FIELD_TEXT = st.one_of(st.text(max_size=400), st.sampled_from(HOSTILE + NUMBERISH))
FIELDS = st.fixed_dictionaries(
    {},
    optional=dict.fromkeys(("name", "email", "text", "parent", "token", "website"), FIELD_TEXT),
)
ADDRESSES = st.ip_addresses(v=4).map(str)
REPORT_FIELDS = st.dictionaries(st.sampled_from(["reason", "token"]), FIELD_TEXT)


@fuzz
@given(fields=FIELDS, remote=ADDRESSES, json=st.booleans())
def test_any_post_gets_an_answer_and_a_refusal_stores_nothing(
    client, story, no_limits, fields, remote, json
):
    # A genuine token old enough to pass, unless the example brings its own.
    issued = time.time() - settings.NEWSDESK_COMMENTS_MIN_SECONDS - 1
    data = {"token": guard.form_token_issue(page_id=story.pk, now=issued), **fields}
    before = Comment.objects.count()
    headers = {"REMOTE_ADDR": remote, "HTTP_ORIGIN": "http://testserver"}
    if json:
        headers["HTTP_ACCEPT"] = "application/json"

    response = client.post(f"/comments/{story.pk}/post/", data, **headers)

    assert response.status_code < 500, fields
    if response.status_code >= 400:
        assert Comment.objects.count() == before, fields


@fuzz
@given(token=FIELD_TEXT, remote=ADDRESSES)
def test_a_forged_token_never_stores_a_comment(client, story, no_limits, token, remote):
    data = {"name": "Ada", "email": "ada@readers.example", "text": "A fair point.", "token": token}

    response = client.post(
        f"/comments/{story.pk}/post/", data, REMOTE_ADDR=remote, HTTP_ORIGIN="http://testserver"
    )

    assert response.status_code < 500, token
    assert not Comment.objects.exists()


@fuzz
@given(comment=query_values(), fields=REPORT_FIELDS)
def test_any_report_gets_an_answer_and_a_refusal_stores_nothing(client, story, comment, fields):
    CommentFactory(page=story, status="approved")

    response = client.post(
        "/comments/report/?" + urlencode({"comment": comment}),
        fields,
        HTTP_ORIGIN="http://testserver",
    )

    assert response.status_code < 500, (comment, fields)
    assert not Report.objects.exists()


@fuzz
@given(page=query_values(), reply_to=query_values(), fragment=query_values())
def test_comment_pages_answer_any_numbers(client, story, page, reply_to, fragment):
    listing = client.get(f"/comments/{story.pk}/", {"page": page, "fragment": fragment})
    writing = client.get(f"/comments/{story.pk}/write/", {"reply_to": reply_to})

    assert listing.status_code in {200, 404}, page
    assert writing.status_code in {200, 404}, reply_to
