"""Outages: without Redis the site carries on; without the database cached pages still load."""

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.db import connection

from newsdesk.analytics.store import read_store
from newsdesk.analytics.tokens import read_token_make
from newsdesk.articles.tests.factories import ArticlePageFactory
from newsdesk.comments import guard
from newsdesk.comments.models import Comment

pytestmark = pytest.mark.django_db
DEAD_REDIS = "redis://127.0.0.1:9/0"  # nothing listens on the discard port


def comment_post(client, story, *, text: str, form_token: str):
    """Post a comment through the real form, as a reader's browser does."""
    fields = {"name": "Ines", "email": "ines@readers.example", "text": text, "token": form_token}
    return client.post(f"/comments/{story.pk}/post/", fields, HTTP_ORIGIN="http://testserver")


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        alias: {**settings.NEWSDESK_REDIS_CACHE, "LOCATION": DEAD_REDIS, "KEY_PREFIX": alias}
        for alias in settings.CACHES
    }
    settings.REDIS_URL = DEAD_REDIS
    settings.NEWSDESK_PAGE_CACHE = True
    yield
    for cache in caches.all(initialized_only=True):
        cache.close()


def test_pages_beacons_and_comments_carry_on_without_redis(client, redis_down, settings):
    story = ArticlePageFactory(title="Harbour reopens after the storm")
    for url in ("/", story.url, story.url):
        response = client.get(url)
        assert response.status_code == 200
    assert "Harbour reopens after the storm" in response.content.decode()

    token = read_token_make(article_id=story.pk)
    beacon = client.post(
        "/analytics/read/", data=f'{{"token": "{token}"}}', content_type="text/plain",
        HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
    )  # fmt: skip
    assert beacon.status_code == 204
    store = read_store()
    store.database.flush()  # the database took the read while Redis was away
    assert store.views(article_ids=[story.pk]) == {story.pk: 1}

    form_token = guard.form_token_issue(page_id=story.pk, now=guard.time.time() - 10)
    posted = comment_post(client, story, text="Glad it is open.", form_token=form_token)
    assert posted.status_code in (200, 302, 303)
    assert Comment.objects.filter(text="Glad it is open.").count() == 1


@pytest.fixture
def database_stoppable():
    """Point the connection at a closed port, as if PostgreSQL had stopped, and back."""
    real_port = connection.settings_dict["PORT"]

    def switch(*, up: bool) -> None:
        connection.close()
        connection.settings_dict["PORT"] = real_port if up else "9"

    yield switch
    switch(up=True)


@pytest.mark.skipif(
    "postgresql" not in django_settings.DATABASES["default"]["ENGINE"],
    reason="DATABASE_URL is not PostgreSQL; the outage is tested where it is (CI)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_outage_serves_cached_pages_and_a_friendly_503(
    client, settings, database_stoppable
):
    settings.NEWSDESK_PAGE_CACHE = True
    settings.DEBUG = False
    cached = ArticlePageFactory(title="Cached before the outage", revision=False)
    uncached = ArticlePageFactory(title="Never read before", revision=False)
    assert client.get(cached.url).status_code == 200
    form_token = guard.form_token_issue(page_id=cached.pk, now=guard.time.time() - 10)

    database_stoppable(up=False)
    client.raise_request_exception = False
    down = client.get(uncached.url)
    assert down.status_code == 503
    assert down["Retry-After"] == "30"
    assert "We will be back in a moment" in down.content.decode()
    hit = client.get(cached.url)
    assert hit.status_code == 200
    assert "Cached before the outage" in hit.content.decode()
    posted = comment_post(client, cached, text="Kept while it is down.", form_token=form_token)
    assert posted.status_code in (500, 503)
    assert "Kept while it is down." in posted.content.decode()

    database_stoppable(up=True)
    assert client.get(uncached.url).status_code == 200
    assert not Comment.objects.filter(text="Kept while it is down.").exists()
