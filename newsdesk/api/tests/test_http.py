"""How every endpoint behaves over HTTP: bad input, methods, caching headers, cookies, queries."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.analytics.services import read_record, reads_maintain
from newsdesk.articles.tests.factories import AuthorFactory, NewsImageFactory

pytestmark = pytest.mark.django_db

LISTINGS = [
    "/api/v2/stories/",
    "/api/v2/sections/",
    "/api/v2/authors/",
    "/api/v2/popular-now/",
    "/api/v2/weekly-best/",
]


@pytest.fixture
def one_of_each(story):
    published = story("Public story", tags=["ports"])
    read_record(article_id=published.pk, meta={"REMOTE_ADDR": "192.0.2.1"}, at=time.time())
    reads_maintain()
    return {
        "story": f"/api/v2/stories/{published.pk}/",
        "section": f"/api/v2/sections/{published.section_id}/",
        "author": f"/api/v2/authors/{published.article_authors.get().author_id}/",
    }


@pytest.mark.parametrize("url", LISTINGS)
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"limit": "-1"}, "limit must be a whole number from 0 to 50"),
        ({"limit": "abc"}, "limit must be a whole number from 0 to 50"),
        ({"limit": "51"}, "limit must be a whole number from 0 to 50"),
        ({"limit": "٣"}, "limit must be a whole number from 0 to 50"),
        ({"offset": "1e9"}, "offset must be a whole number from 0 to 10000"),
        ({"offset": "10001"}, "offset must be a whole number from 0 to 10000"),
        ({"offset": " 5"}, "offset must be a whole number from 0 to 10000"),
        ({"fields": "*"}, "unknown query parameter: fields"),
        ({"headline": "x"}, "unknown query parameter: headline"),
    ],
)
def test_bad_query_values_get_a_400_that_says_what_was_wrong(
    client, one_of_each, url, query, message
):
    response = client.get(url, query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"].startswith(message)


@pytest.mark.parametrize("name", ["section", "author", "tag"])
@pytest.mark.parametrize("value", ["wo rld", "world\x00", "<script>", "x" * 256, ""])
def test_filter_values_that_cannot_be_slugs_get_a_400(client, one_of_each, name, value):
    response = client.get("/api/v2/stories/", {name: value})
    assert response.status_code == 400
    assert "must be a slug" in response.json()["message"]


def test_a_detail_takes_no_listing_parameters(client, one_of_each):
    response = client.get(one_of_each["story"], {"limit": "5"})
    assert response.status_code == 400
    assert response.json()["message"].startswith("unknown query parameter: limit")
    response = client.get(one_of_each["story"], {"rich_text_format": "pdf"})
    assert response.status_code == 400


@pytest.mark.parametrize("pk", ["0", "9223372036854775808", "99999999999999999999"])
def test_unknown_ids_are_404s(client, one_of_each, pk):
    response = client.get(f"/api/v2/stories/{pk}/")
    assert response.status_code == 404
    assert "message" in response.json()


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_the_api_is_read_only(client, one_of_each, method):
    for url in [*LISTINGS, *one_of_each.values()]:
        response = getattr(client, method)(url, data="{}", content_type="application/json")
        assert response.status_code == 405, url
        assert response["Allow"] == "GET, HEAD"
        assert "message" in response.json()


def test_head_answers_like_get_without_a_body(client, one_of_each):
    response = client.head("/api/v2/stories/")
    assert response.status_code == 200
    assert response.content == b""


@pytest.mark.parametrize(
    ("url", "max_age"),
    [
        ("/api/v2/popular-now/", 60),
        ("/api/v2/weekly-best/", 60),
        ("/api/v2/stories/", 300),
        ("story", 300),
        ("/api/v2/sections/", 3600),
        ("/api/v2/authors/", 3600),
    ],
)
def test_answers_are_public_for_a_while_and_revalidate_by_etag(client, one_of_each, url, max_age):
    url = one_of_each.get(url, url)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == (
        f"public, max-age={max_age}, stale-while-revalidate=60, stale-if-error=86400"
    )
    etag = response["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Cache-Control"] == response["Cache-Control"]
    assert client.get(url, HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_an_error_is_not_marked_cacheable(client, one_of_each):
    response = client.get("/api/v2/stories/", {"limit": "abc"})
    assert "public" not in response.get("Cache-Control", "")


def test_answers_set_no_cookie_and_do_not_vary_by_one(client, one_of_each, user_in_group):
    client.force_login(user_in_group("Editors"))  # even with a session cookie sent
    for url in [*LISTINGS, *one_of_each.values()]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url
        assert "Cookie" not in response.get("Vary", ""), url


def test_the_api_shows_a_signed_in_editor_nothing_more(
    client, story, hidden_stories, user_in_group
):
    story("Public story")
    client.force_login(user_in_group("Editors"))
    items = client.get("/api/v2/stories/").json()["items"]
    assert [item["headline"] for item in items] == ["Public story"]


def test_a_client_asking_for_html_still_gets_json(client, one_of_each):
    response = client.get("/api/v2/stories/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert client.get("/api/v2/stories/", {"format": "api"}).status_code == 400


def stories_with_everything(story, numbers, *, image, photo, colleague) -> None:
    """Stories with a lead image, two authors (one with a photo), two tags and a read each."""
    for number in numbers:
        published = story(
            f"Story {number}",
            section="world" if number % 2 else "business",
            authors=[AuthorFactory(photo=photo), colleague],
            tags=[f"tag-{number}", "common"],
            lead_image=image,
            revision=False,
        )
        read_record(article_id=published.pk, meta={"REMOTE_ADDR": "192.0.2.1"}, at=time.time())
    reads_maintain()


def queries_for(client, url: str) -> int:
    assert client.get(url).status_code == 200  # renditions are made on first use
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(response.json()["items"])


@pytest.mark.parametrize(
    "url",
    ["/api/v2/stories/?limit=50", "/api/v2/authors/?limit=50", "/api/v2/popular-now/?limit=20"],
)
def test_a_list_costs_the_same_queries_for_5_or_30_stories(
    client, story, url, django_assert_max_num_queries
):
    image, photo = NewsImageFactory(), NewsImageFactory(portrait=True)
    colleague = AuthorFactory()
    stories_with_everything(story, range(5), image=image, photo=photo, colleague=colleague)
    few, shown = queries_for(client, url)
    assert shown >= 5
    stories_with_everything(story, range(5, 30), image=image, photo=photo, colleague=colleague)
    assert client.get(url).status_code == 200  # renditions are made on first use
    with django_assert_max_num_queries(few):
        response = client.get(url)
    assert len(response.json()["items"]) >= 20


@pytest.mark.parametrize("url", [*LISTINGS])
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    name=st.sampled_from(["limit", "offset", "section", "author", "tag", "other"]),
    value=st.text(max_size=30),
)
def test_no_query_value_makes_a_server_error(client, one_of_each, url, name, value):
    response = client.get(url, {name: value})
    assert response.status_code in (200, 400)
    assert "message" in response.json() or "items" in response.json()
