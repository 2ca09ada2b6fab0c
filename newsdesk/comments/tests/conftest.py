import time

import pytest
from django.conf import settings

from newsdesk.articles.tests.factories import ArticlePageFactory
from newsdesk.comments import guard
from newsdesk.comments.ratelimit import rate_limiter


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Start every test with no recorded posts; the database store is rolled back by itself."""
    if settings.REDIS_URL:
        rate_limiter().clear()


@pytest.fixture
def story(db):
    return ArticlePageFactory(title="Harbour towns brace for the spring floods")


@pytest.fixture
def no_limits(settings):
    """Turn off the per-visitor limits and the first-comment hold, for tests about other rules."""
    settings.NEWSDESK_COMMENTS_RATE_LIMITS = []
    settings.NEWSDESK_COMMENTS_HOLD_FIRST = False


@pytest.fixture
def open_posting(no_limits, settings):
    """No limits and no minimum time to submit: a browser test posts at once."""
    settings.NEWSDESK_COMMENTS_MIN_SECONDS = 0


@pytest.fixture
def post(client):
    """Post a comment the way a browser with script does: same origin, a token old enough."""

    def send(
        story, *, json=False, origin="http://testserver", token=True, remote="203.0.113.7", **fields
    ):
        data = {"name": "Ada", "email": "ada@readers.example", "text": "A fair point.", **fields}
        if token is True:
            issued = time.time() - settings.NEWSDESK_COMMENTS_MIN_SECONDS - 1
            data["token"] = guard.form_token_issue(page_id=story.pk, now=issued)
        elif token:
            data["token"] = token
        headers = {"REMOTE_ADDR": remote}
        if origin:
            headers["HTTP_ORIGIN"] = origin
        if json:
            headers["HTTP_ACCEPT"] = "application/json"
        return client.post(f"/comments/{story.pk}/post/", data, **headers)

    return send
