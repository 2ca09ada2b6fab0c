"""The page cache's contract, on every shared store we ship: memory, files, Redis."""

import dataclasses
import gzip
import os
import threading

import pytest
from django.core.cache import caches
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from newsdesk.core.pagecache import pages_invalidate
from newsdesk.core.pagecache.keys import request_key
from newsdesk.core.pagecache.middleware import FRONT_SECURITY_HEADERS
from newsdesk.core.pagecache.store import PageStore, page_store
from newsdesk.core.pagecache.wsgi import PageCacheWSGI

from .pagecache_views import renders

pytestmark = [pytest.mark.django_db, pytest.mark.urls("newsdesk.core.tests.pagecache_urls")]

REDIS_URL = os.environ.get("REDIS_URL", "")
BACKENDS = ["memory", "files", pytest.param("redis", marks=pytest.mark.skipif(
    not REDIS_URL, reason="REDIS_URL is not set"))]  # fmt: skip


def _pages_cache(kind: str, tmp_path) -> dict:
    if kind == "memory":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}
    if kind == "files":
        return {
            "BACKEND": "newsdesk.core.pagecache.filecache.FileCache",
            "LOCATION": str(tmp_path / "pages"),
        }
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "test-pages",
    }


@pytest.fixture(params=BACKENDS)
def page_cache(request, settings, tmp_path):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": _pages_cache(request.param, tmp_path),
    }
    settings.NEWSDESK_PAGE_CACHE = True
    settings.NEWSDESK_PAGE_CACHE_TAGGER = "newsdesk.core.tests.pagecache_views.tagger"
    renders.reset()
    caches["pages"].clear()  # on Redis: this test run's own database number
    page_store().local_clear()
    yield page_store()
    caches["pages"].clear()
    page_store().local_clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit, as the end of a real request's transaction would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _key_of(url: str, **extra) -> str | None:
    return request_key(RequestFactory().get(url, **extra).META)


def _expire(store: PageStore, client: Client, url: str) -> None:
    """Store url's page, then make the stored copy stale, as time passing would."""
    client.get(url)
    key = _key_of(url)
    store.cache.set(key, dataclasses.replace(store.cache.get(key), fresh_until=0), None)
    store.local_clear()


def test_second_request_is_answered_from_the_cache_without_rendering_or_queries(page_cache):
    client = Client()
    first = client.get("/story/")
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/story/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("MISS", "HIT")
    assert second.content == first.content == b"<p>first edition</p>"
    assert renders.count == 1
    assert len(queries) == 0


def test_cloudflare_gets_the_tags_in_its_own_header(page_cache, settings):
    settings.NEWSDESK_PAGE_TAG_HEADERS = {"Surrogate-Key": " ", "Cache-Tag": ","}
    response = Client().get("/story/")
    assert (response["Surrogate-Key"], response["Cache-Tag"]) == (
        "all section-2 story-1",
        "all,section-2,story-1",
    )


def test_cached_page_names_its_tags_and_tells_caches_how_long_to_keep_it(page_cache, settings):
    response = Client().get("/story/")
    assert response["Surrogate-Key"] == "all section-2 story-1"
    assert "Cache-Tag" not in response  # no Cloudflare to read it
    assert response["Cache-Control"] == (
        f"public, max-age=0, s-maxage={settings.NEWSDESK_PAGE_CACHE_SECONDS}, "
        f"stale-while-revalidate={settings.NEWSDESK_PAGE_CACHE_SECONDS}, stale-if-error=86400"
    )
    assert response["X-Accel-Expires"] == str(settings.NEWSDESK_PAGE_CACHE_PROXY_SECONDS)


def test_a_page_showing_a_moving_list_is_kept_no_longer_than_the_shortest_limit(page_cache):
    response = Client().get("/ranking/")
    assert "s-maxage=20," in response["Cache-Control"]


def test_matching_etag_gets_304_and_a_changed_page_gets_its_new_body(page_cache, committed):
    client = Client()
    etag = client.get("/story/")["ETag"]
    assert client.get("/story/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    renders.text = "second edition"
    with committed():
        pages_invalidate(tags=["story-1"])
    response = client.get("/story/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response.content == b"<p>second edition</p>"
    assert response["ETag"] != etag


def test_a_browser_accepting_gzip_gets_the_page_compressed_when_it_was_stored(page_cache):
    renders.text = "The river rose overnight and the town hall was closed. " * 100
    client = Client()
    packed = client.get("/story/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    plain = client.get("/story/")
    ranked = client.get("/story/", HTTP_ACCEPT_ENCODING="br;q=1.0, gzip;q=0.8")
    _, from_front, front_body = _wsgi_get(
        PageCacheWSGI(_django_not_reached), "/story/", HTTP_ACCEPT_ENCODING="gzip"
    )

    assert (packed["X-Page-Cache"], plain["X-Page-Cache"]) == ("MISS", "HIT")
    assert plain.content == f"<p>{renders.text}</p>".encode()
    assert "Content-Encoding" not in plain
    assert "Accept-Encoding" in plain["Vary"]
    answers = [(packed, packed.content), (ranked, ranked.content), (from_front, front_body)]
    for headers, body in answers:
        assert headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body) == plain.content
        assert int(headers["Content-Length"]) == len(body) < len(plain.content) / 5
        assert headers["ETag"] == f"W/{plain['ETag']}"
    revalidated = client.get(
        "/story/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=packed["ETag"]
    )
    assert revalidated.status_code == 304
    assert renders.count == 1


def test_a_page_too_small_to_gain_from_gzip_is_sent_as_it_is(page_cache):
    response = Client().get("/story/", HTTP_ACCEPT_ENCODING="gzip")

    assert "Content-Encoding" not in response
    assert response.content == b"<p>first edition</p>"


@pytest.mark.parametrize(
    ("cleared", "state", "content"),
    [
        ("section-2", "MISS", b"<p>second edition</p>"),  # a tag the page shows: rebuilt
        ("story-99", "HIT", b"<p>first edition</p>"),  # a tag it does not show: kept
    ],
)
def test_clearing_a_tag_rebuilds_only_the_pages_showing_it(
    page_cache, committed, cleared, state, content
):
    client = Client()
    client.get("/story/")
    renders.text = "second edition"
    with committed():
        pages_invalidate(tags=[cleared])
    response = client.get("/story/")
    assert response["X-Page-Cache"] == state
    assert response.content == content


def test_a_clearing_reaches_another_process_that_served_the_page_from_memory(page_cache):
    client = Client()
    client.get("/story/")
    assert client.get("/story/")["X-Page-Cache"] == "HIT"  # now in this process's memory
    other_process = PageStore("pages")
    other_process.invalidate({"story-1"})
    renders.text = "second edition"
    assert client.get("/story/").content == b"<p>second edition</p>"


def test_while_one_request_rebuilds_an_expired_page_the_others_get_the_stale_copy(page_cache):
    client = Client()
    _expire(page_cache, client, "/story/")
    renders.text = "second edition"
    renders.entered.clear()
    renders.release.clear()
    rebuilt = {}
    rebuilder = threading.Thread(target=lambda: rebuilt.update(r=Client().get("/story/")))
    rebuilder.start()
    assert renders.entered.wait(timeout=30)
    others = [Client().get("/story/") for _ in range(5)]
    renders.release.set()
    rebuilder.join(timeout=30)
    assert {(r["X-Page-Cache"], r.content) for r in others} == {("STALE", b"<p>first edition</p>")}
    assert rebuilt["r"]["X-Page-Cache"] == "MISS"
    assert rebuilt["r"].content == b"<p>second edition</p>"
    assert client.get("/story/")["X-Page-Cache"] == "HIT"
    assert renders.count == 2  # the first render and the one rebuild


def test_a_failing_rebuild_serves_the_stale_copy(page_cache):
    client = Client()
    _expire(page_cache, client, "/story/")
    renders.failing = True
    response = client.get("/story/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "STALE"
    assert response.content == b"<p>first edition</p>"


def test_the_rebuild_lock_is_taken_once(page_cache):
    assert page_cache.lock("page:x")
    assert not page_cache.lock("page:x")
    page_cache.unlock("page:x")
    assert page_cache.lock("page:x")


@pytest.mark.parametrize(
    ("url", "extra"),
    [
        ("/story/", {"HTTP_COOKIE": "sessionid=abc"}),
        ("/story/", {"HTTP_AUTHORIZATION": "Basic ZWQ6cHc="}),
        ("/story/?utm_source=feed", {}),
        ("/cookie/", {}),
        ("/csrf/", {}),
        ("/private/", {}),
        ("/not-a-page/", {}),
    ],
)
def test_requests_with_a_session_and_responses_with_state_are_never_cached(page_cache, url, extra):
    client = Client()
    first = client.get(url, **extra)
    second = Client().get(url, **extra)
    assert "X-Page-Cache" not in second
    assert first.status_code == second.status_code == 200
    assert "Surrogate-Key" not in second


def test_a_session_request_does_not_get_the_cached_copy(page_cache):
    Client().get("/story/")
    renders.text = "editor's view"
    response = Client().get("/story/", HTTP_COOKIE="sessionid=abc")
    assert "X-Page-Cache" not in response
    assert response.content == b"<p>editor's view</p>"


def test_posts_pass_through(page_cache):
    Client().get("/story/")
    response = Client().post("/story/")
    assert "X-Page-Cache" not in response
    assert renders.count == 2


def test_head_is_answered_from_the_cache(page_cache):
    Client().get("/story/")
    response = Client().head("/story/")
    assert response["X-Page-Cache"] == "HIT"


def test_the_cache_is_off_when_switched_off(page_cache, settings):
    settings.NEWSDESK_PAGE_CACHE = False
    Client().get("/story/")
    assert "X-Page-Cache" not in Client().get("/story/")
    assert renders.count == 2


def _django_not_reached(environ, start_response):
    raise AssertionError("the request reached Django")


def _wsgi_get(application, url: str, **extra) -> tuple[str, dict, bytes]:
    answer = {}
    body = b"".join(
        application(
            RequestFactory().get(url, **extra).META,
            lambda status, headers: answer.update(status=status, headers=dict(headers)),
        )
    )
    return answer["status"], answer["headers"], body


def test_the_wsgi_front_answers_a_fresh_page_without_reaching_django(page_cache):
    stored = Client().get("/story/")
    status, headers, body = _wsgi_get(PageCacheWSGI(_django_not_reached), "/story/")
    assert status == "200 OK"
    assert headers["X-Page-Cache"] == "HIT"
    assert headers["ETag"] == stored["ETag"]
    assert headers["Content-Security-Policy"] == stored["Content-Security-Policy"]
    assert body == stored.content


@pytest.mark.parametrize(
    "extra",
    [{"HTTP_COOKIE": "sessionid=abc"}, {"HTTP_IF_NONE_MATCH": '"x"'}, {"QUERY_STRING": "x=1"}],
)
def test_the_wsgi_front_passes_on_what_it_must_not_answer(page_cache, extra):
    Client().get("/story/")
    passed = []
    front = PageCacheWSGI(lambda environ, start_response: passed.append(environ) or [])
    front(RequestFactory().get("/story/", **extra).META, lambda *args: None)
    assert len(passed) == 1


def test_behind_the_wsgi_front_django_reuses_its_lookup(page_cache, monkeypatch):
    lookups = []
    lookup = PageStore.lookup
    monkeypatch.setattr(PageStore, "lookup", lambda *a: lookups.append(a) or lookup(*a))
    front = PageCacheWSGI(WSGIHandler())
    assert _wsgi_get(front, "/story/")[1]["X-Page-Cache"] == "MISS"
    assert _wsgi_get(front, "/story/")[1]["X-Page-Cache"] == "HIT"
    assert len(lookups) == 2  # one each, made by the front alone


def test_the_wsgi_front_passes_on_a_stale_page(page_cache):
    client = Client()
    _expire(page_cache, client, "/story/")
    passed = []
    front = PageCacheWSGI(lambda environ, start_response: passed.append(environ) or [])
    front(RequestFactory().get("/story/").META, lambda *args: None)
    assert len(passed) == 1


def test_behind_a_front_that_sets_them_stored_pages_leave_the_security_headers_off(
    page_cache, settings
):
    settings.NEWSDESK_FRONT_SECURITY_HEADERS = True
    client = Client()
    rendered = client.get("/story/")
    from_django = client.get("/story/")
    _, from_wsgi_front, _ = _wsgi_get(PageCacheWSGI(_django_not_reached), "/story/")
    not_stored = client.post("/story/")

    assert (rendered["X-Page-Cache"], from_django["X-Page-Cache"]) == ("MISS", "HIT")
    for header in FRONT_SECURITY_HEADERS:
        assert header not in rendered, header
        assert header not in from_django, header
        assert header not in from_wsgi_front, header
        assert not_stored[header], header
    assert rendered["ETag"]
    assert rendered["Surrogate-Key"]


def test_a_page_stored_for_one_kind_of_app_is_never_served_by_the_other(page_cache, settings):
    client = Client()
    with_own_headers = client.get("/story/")
    settings.NEWSDESK_FRONT_SECURITY_HEADERS = True
    behind_front = client.get("/story/")
    settings.NEWSDESK_FRONT_SECURITY_HEADERS = False
    own_again = client.get("/story/")

    assert behind_front["X-Page-Cache"] == "MISS"
    assert "Content-Security-Policy" not in behind_front
    assert own_again["X-Page-Cache"] == "HIT"
    assert own_again["Content-Security-Policy"] == with_own_headers["Content-Security-Policy"]
    assert renders.count == 2
