"""Every kind of newsroom admin action lands in Wagtail's audit log ("Site history")."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import ModelLogEntry, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from newsdesk.articles.tests.factories import ArticlePageFactory
from newsdesk.comments.tests.factories import CommentFactory

pytestmark = pytest.mark.django_db


def site_history(client) -> str:
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


@pytest.fixture
def story():
    return ArticlePageFactory(title="Council votes on the ring road", lead_image=None)


@pytest.fixture
def administrator(client, user_in_group):
    return user_in_group("Administrators", username="chief")


@pytest.mark.parametrize(
    ("action", "logged", "shown"),
    [
        ("approve", "comments.approve", "Comment approved"),
        ("reject", "comments.reject", "Comment rejected"),
        ("spam", "comments.spam", "Comment marked as spam"),
        ("ban", "comments.ban", "Poster banned"),
    ],
)
def test_moderating_a_comment_is_logged(
    client, user_in_group, administrator, story, action, logged, shown
):
    comment = CommentFactory(page=story, status="held")
    moderator = user_in_group("Moderators")
    client.force_login(moderator)
    client.post(f"/admin/comments-moderate/{comment.pk}/", {"action": action})

    entry = ModelLogEntry.objects.get(action=logged)
    assert (entry.user_id, entry.object_id) == (moderator.pk, str(comment.pk))
    client.force_login(administrator)
    assert shown in site_history(client)


def test_bulk_moderation_logs_each_comment(client, user_in_group, story):
    comments = [CommentFactory(page=story, status="held") for _ in range(3)]
    client.force_login(user_in_group("Moderators"))
    ids = "&".join(f"id={c.pk}" for c in comments)
    client.post(f"/admin/bulk/comments/comment/approve/?{ids}")
    logged = ModelLogEntry.objects.filter(action="comments.approve")
    assert sorted(logged.values_list("object_id", flat=True)) == sorted(str(c.pk) for c in comments)


def test_pinning_a_story_in_the_rankings_is_logged(client, user_in_group, administrator, story):
    editor = user_in_group("Editors")
    client.force_login(editor)
    client.post(
        reverse("wagtailsnippets_analytics_rankingoverride:add"),
        {"story": story.pk, "action": "pin", "ranking": "both", "position": 1, "note": "Lead"},
    )
    entry = ModelLogEntry.objects.get(content_type__model="rankingoverride")
    assert (entry.action, entry.user_id) == ("wagtail.create", editor.pk)
    client.force_login(administrator)
    assert "ranking override" in site_history(client).lower()


def test_changing_the_must_reads_is_logged(client, user_in_group, administrator, story):
    editor = user_in_group("Editors")
    client.force_login(editor)
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["articles", "mustreads", site.pk])
    response = client.post(url, nested_form_data({"items": inline_formset([{"story": story.pk}])}))
    assert response.status_code == 302
    entry = ModelLogEntry.objects.get(content_type__model="mustreads")
    assert (entry.action, entry.user_id) == ("wagtail.edit", editor.pk)
    client.force_login(administrator)
    assert "Must-Reads" in site_history(client)
