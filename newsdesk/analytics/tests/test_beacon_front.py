"""The WSGI front answers beacons as the view would, and leaves Django what needs it."""

import json

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from newsdesk.analytics.tokens import read_token_make
from newsdesk.analytics.wsgi import ReadBeaconWSGI

from .test_beacon import BROWSER, beacon, story, tallies, views_of  # noqa: F401


def _django_not_reached(environ, start_response):
    raise AssertionError("the beacon reached Django")


def front_send(front, *, token="", method="POST", body=None, address="198.51.100.9", **extra):
    environ = (
        RequestFactory()
        .generic(
            method,
            "/analytics/read/",
            data=json.dumps({"token": token}) if body is None else body,
            content_type=extra.pop("content_type", "text/plain"),
            HTTP_HOST="testserver",
            HTTP_USER_AGENT=BROWSER,
            REMOTE_ADDR=address,
            **extra,
        )
        .META
    )
    answer = {}
    body = b"".join(front(environ, lambda s, h: answer.update(status=s, headers=dict(h))))
    return answer["status"], answer["headers"], body


@pytest.fixture
def warm(client, story):  # noqa: F811
    """A process that has counted one read of the story: it knows the story and today's salt."""
    assert beacon(client, read_token_make(article_id=story.pk)).status_code == 204
    return read_token_make(article_id=story.pk)


def test_the_front_counts_a_beacon_without_django(client, store, story, warm):  # noqa: F811
    status, headers, body = front_send(ReadBeaconWSGI(_django_not_reached), token=warm)
    assert (status, headers["Cache-Control"], body) == ("204 No Content", "no-store", b"")
    assert "Set-Cookie" not in headers
    assert views_of(client, story, store) == 2


def test_the_front_refuses_bad_beacons_as_the_view_does(client, store, story, warm):  # noqa: F811
    front = ReadBeaconWSGI(_django_not_reached)
    status, headers, _ = front_send(front, method="GET", body="")
    assert (status, headers["Allow"]) == ("405 Method Not Allowed", "POST")
    form = front_send(front, token=warm, content_type="application/x-www-form-urlencoded")
    assert form[0] == "415 Unsupported Media Type"
    assert front_send(front, body="x" * 1025)[0] == "413 Request Entity Too Large"
    assert front_send(front, token=f"{story.pk}:forged")[0] == "400 Bad Request"
    assert front_send(front, body="{not json")[0] == "400 Bad Request"
    assert views_of(client, story, store) == 1
    assert tallies() == {
        "counted": 1,
        "method": 1,
        "content_type": 1,
        "too_large": 1,
        "bad_token": 2,
    }


@pytest.fixture
def django_wsgi():
    """Django's WSGI handler, leaving the test's connection open as Django's test client
    does: closing it at the request's start would end the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_a_cold_process_leaves_the_beacon_to_django_with_its_body(
    client,
    store,
    story,  # noqa: F811
    django_wsgi,
):
    token = read_token_make(article_id=story.pk)
    status, _, _ = front_send(ReadBeaconWSGI(django_wsgi), token=token)
    assert status == "204 No Content"
    assert views_of(client, story, store) == 1


@pytest.mark.parametrize("extra", [{"HTTP_COOKIE": "sessionid=abc"}, {"HTTP_HOST": "evil.example"}])
def test_signed_in_visitors_and_unknown_hosts_go_to_django(store, warm, extra, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    passed = []
    front = ReadBeaconWSGI(lambda environ, start_response: passed.append(environ) or [])
    front(
        RequestFactory()
        .post("/analytics/read/", data="{}", content_type="text/plain", **extra)
        .META,
        lambda *args: None,
    )
    assert len(passed) == 1
