"""/api/v2/sections/ and /api/v2/authors/: who and what a news app can browse by."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from newsdesk.articles.tests.factories import AuthorFactory, NewsImageFactory

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"


def test_sections_list_the_open_ones_in_site_order_with_a_link_to_their_stories(client, sections):
    restriction = PageViewRestriction.objects.create(
        page=sections["business"], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Editors"))
    body = client.get("/api/v2/sections/").json()
    assert body["meta"]["total_count"] == 1
    assert body["items"] == [
        {
            "id": sections["world"].pk,
            "detail_url": f"{SITE}/api/v2/sections/{sections['world'].pk}/",
            "url": f"{SITE}/world/",
            "title": "World",
            "slug": "world",
            "intro": "The latest from our World desk.",
            "stories_url": f"{SITE}/api/v2/stories/?section=world",
        }
    ]
    assert client.get(f"/api/v2/sections/{sections['world'].pk}/").json()["title"] == "World"
    assert client.get(f"/api/v2/sections/{sections['business'].pk}/").status_code == 404


def test_an_unpublished_section_is_not_listed(client, sections):
    sections["business"].unpublish()
    assert [s["slug"] for s in client.get("/api/v2/sections/").json()["items"]] == ["world"]


def test_authors_are_those_with_a_published_story_by_name(client, story, hidden_stories):
    zoe = AuthorFactory(name="Zoe Last", photo=NewsImageFactory(portrait=True, title="Zoe"))
    ada = AuthorFactory(name="Ada First", job_title="Economics editor", bio="Writes on rates.")
    AuthorFactory(name="Never Published")
    story("By both", authors=[zoe, ada])
    body = client.get("/api/v2/authors/").json()
    assert [a["name"] for a in body["items"]] == ["Ada First", "Zoe Last"]
    first = body["items"][0]
    assert first["url"] == f"{SITE}/authors/{ada.slug}/"
    assert (first["job_title"], first["bio"], first["photo"]) == (
        "Economics editor",
        "Writes on rates.",
        None,
    )
    assert first["stories_url"] == f"{SITE}/api/v2/stories/?author={ada.slug}"
    assert "email" not in first
    photo = body["items"][1]["photo"]
    assert photo["alt"] == "Zoe"
    assert (photo["renditions"]["square"]["width"], photo["renditions"]["square"]["height"]) == (
        160,
        160,
    )


def test_an_author_of_hidden_stories_only_is_neither_listed_nor_shown(client, hidden_stories):
    assert client.get("/api/v2/authors/").json()["items"] == []
    hidden_author = hidden_stories[0].article_authors.get().author
    assert client.get(f"/api/v2/authors/{hidden_author.pk}/").status_code == 404
