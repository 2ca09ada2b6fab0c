"""The read beacon as a browser and a robot meet it, on every store."""

import json

import pytest
from bs4 import BeautifulSoup

from newsdesk.analytics.models import BeaconTally
from newsdesk.analytics.tokens import read_token_make
from newsdesk.articles.tests.factories import ArticlePageFactory, SectionPageFactory

BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0 Safari/537.36"
)
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


@pytest.fixture
def story(store):
    return ArticlePageFactory(section=SectionPageFactory(), lead_image=None)


def beacon(client, token, *, agent=BROWSER, address="203.0.113.7", **extra):
    return client.post(
        "/analytics/read/",
        data=json.dumps({"token": token}),
        content_type=extra.pop("content_type", "text/plain"),
        HTTP_USER_AGENT=agent,
        REMOTE_ADDR=address,
        **extra,
    )


def views_of(client, story, store):
    store.flush()
    response = client.get(f"/analytics/views/{story.pk}/")
    assert response.status_code == 200
    return response.json()["views"]


def tallies():
    return dict(BeaconTally.objects.values_list("reason", "count"))


def test_a_readers_beacon_counts_once_and_sets_no_cookie(client, store, story):
    response = beacon(client, read_token_make(article_id=story.pk))

    assert response.status_code == 204
    assert not response.cookies
    assert "Set-Cookie" not in response.headers
    assert "Cookie" not in response.headers.get("Vary", "")
    assert views_of(client, story, store) == 1
    assert "max-age=5" in client.get(f"/analytics/views/{story.pk}/")["Cache-Control"]


@pytest.mark.parametrize(
    ("token", "status"),
    [("123:forged-signature", 400), ("", 400), ("not a token at all", 400)],
)
def test_a_forged_token_is_refused_and_counts_nothing(client, store, story, token, status):
    assert beacon(client, token).status_code == status
    assert beacon(client, f"{story.pk}:{'x' * 43}").status_code == 400
    assert views_of(client, story, store) == 0
    assert tallies()["bad_token"] == 2


def test_a_token_for_an_unknown_or_unpublished_story_is_refused(client, store, story):
    draft = ArticlePageFactory(section=story.section, lead_image=None, status="draft")
    assert beacon(client, read_token_make(article_id=draft.pk)).status_code == 404
    assert beacon(client, read_token_make(article_id=99_999_999)).status_code == 404
    assert client.get(f"/analytics/views/{draft.pk}/").status_code == 404
    assert views_of(client, story, store) == 0


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({"agent": GOOGLEBOT}, "bot"),
        ({"agent": "curl/8.5.0"}, "bot"),
        ({"agent": ""}, "no_user_agent"),
        ({"HTTP_SEC_PURPOSE": "prefetch"}, "prefetch"),
        ({"HTTP_SEC_PURPOSE": "prefetch;prerender"}, "prefetch"),
        ({"HTTP_PURPOSE": "prefetch"}, "prefetch"),
    ],
)
def test_robots_and_prefetches_are_not_counted(client, store, story, headers, reason):
    response = beacon(client, read_token_make(article_id=story.pk), **headers)
    assert response.status_code == 204
    assert views_of(client, story, store) == 0
    assert tallies() == {reason: 1}


def test_only_post_is_accepted(client, store, story):
    assert client.head("/analytics/read/", HTTP_USER_AGENT=BROWSER).status_code == 405
    assert client.get("/analytics/read/", HTTP_USER_AGENT=BROWSER).status_code == 405
    assert views_of(client, story, store) == 0
    assert tallies() == {"head": 1, "method": 1}


def test_a_body_over_1kb_or_of_the_wrong_type_is_refused(client, store, story):
    token = read_token_make(article_id=story.pk)
    padded = json.dumps({"token": token, "padding": "x" * 1100})
    response = client.post(
        "/analytics/read/", data=padded, content_type="text/plain", HTTP_USER_AGENT=BROWSER
    )
    assert response.status_code == 413
    form = client.post("/analytics/read/", {"token": token}, HTTP_USER_AGENT=BROWSER)
    assert form.status_code == 415
    assert beacon(client, token, content_type="application/json").status_code == 204
    assert views_of(client, story, store) == 1
    assert tallies() == {"too_large": 1, "content_type": 1, "counted": 1}


def test_a_reader_counts_once_in_30_minutes_another_reader_counts_too(client, store, story):
    token = read_token_make(article_id=story.pk)
    beacon(client, token)
    beacon(client, token)
    beacon(client, token, address="198.51.100.9")
    beacon(client, token, agent=BROWSER.replace("131", "132"))
    assert views_of(client, story, store) == 3
    assert tallies()["duplicate"] == 1


def test_one_address_is_limited_to_the_rate(client, store, story, settings):
    settings.NEWSDESK_ANALYTICS_RATE_LIMIT = 3
    token = read_token_make(article_id=story.pk)
    for version in range(5):
        beacon(client, token, agent=BROWSER.replace("131", str(100 + version)))
    assert views_of(client, story, store) == 3
    assert tallies()["rate_limited"] == 2


def test_staff_previewing_are_not_counted_and_keep_their_session(
    client, store, story, user_in_group
):
    client.force_login(user_in_group("Editors"))
    response = beacon(client, read_token_make(article_id=story.pk))
    assert response.status_code == 204
    assert "Set-Cookie" not in response.headers
    assert views_of(client, story, store) == 0
    assert tallies() == {"staff": 1}


def test_two_visitors_get_identical_article_html_with_the_render_time_count(store, story):
    from django.test import Client

    first, second = Client(), Client()
    token = read_token_make(article_id=story.pk)
    beacon(first, token)
    beacon(second, token, address="198.51.100.20", agent=GOOGLEBOT.replace("Google", "X"))
    beacon(second, token, address="198.51.100.21")
    store.flush()

    pages = [
        c.get(story.url, HTTP_USER_AGENT=agent, REMOTE_ADDR=address)
        for c, agent, address in ((first, BROWSER, "203.0.113.7"), (second, GOOGLEBOT, "10.1.2.3"))
    ]
    assert pages[0].content == pages[1].content
    assert not pages[0].cookies
    assert not pages[1].cookies
    views = BeautifulSoup(pages[0].content, "html.parser").select_one(".byline__views")
    assert views.get_text(" ", strip=True) == "2 views"
    assert views["data-read-token"] == token
    assert views["data-read-url"] == "/analytics/read/"
