"""Reporters cannot publish; editors can. Proved through Wagtail's own admin views."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from newsdesk.articles.models import ArticlePage

from .factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


def edit_form_post(client, page, action):
    """Submit the page's own edit form, as the admin renders it, with one action button."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    # The body's StreamField is drawn by script in the admin, so its fields are added here.
    body = streamfield([("paragraph", rich_text("<p>Edited in the admin.</p>"))])
    data.update(nested_form_data({"body": body}))
    data[action] = "1"
    return client.post(url, data)


@pytest.fixture
def draft_story():
    return ArticlePageFactory(section=SectionPageFactory(), status="draft", title="A draft story")


def test_reporter_cannot_publish(client, user_in_group, draft_story):
    reporter = user_in_group("Reporters")
    draft_story.owner = reporter
    draft_story.save()
    client.force_login(reporter)

    edit_form_post(client, draft_story, "action-publish")

    draft_story.refresh_from_db()
    assert draft_story.live is False
    assert client.get(draft_story.url).status_code == 404


def test_reporter_can_submit_for_review(client, user_in_group, draft_story):
    reporter = user_in_group("Reporters")
    draft_story.owner = reporter
    draft_story.save()
    client.force_login(reporter)

    edit_form_post(client, draft_story, "action-submit")

    draft_story.refresh_from_db()
    assert draft_story.live is False
    assert draft_story.current_workflow_state.status == "in_progress"


def test_reporter_cannot_edit_someone_elses_story(client, user_in_group, draft_story):
    client.force_login(user_in_group("Reporters"))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[draft_story.pk]))
    assert response.status_code in (302, 403)


def test_editor_can_publish(client, user_in_group, draft_story):
    client.force_login(user_in_group("Editors"))

    edit_form_post(client, draft_story, "action-publish")

    draft_story.refresh_from_db()
    assert draft_story.live is True
    assert client.get(draft_story.url).status_code == 200


def test_reporter_cannot_unpublish_but_editor_can(client, user_in_group):
    story = ArticlePageFactory(section=SectionPageFactory())
    url = reverse("wagtailadmin_pages:unpublish", args=[story.pk])

    client.force_login(user_in_group("Reporters"))
    assert client.post(url).status_code in (302, 403)
    assert Page.objects.get(pk=story.pk).live is True

    client.force_login(user_in_group("Editors", username="editor-2"))
    client.post(url)
    assert Page.objects.get(pk=story.pk).live is False


def test_editor_can_manage_must_reads_and_reporter_cannot(client, user_in_group):
    url = reverse("wagtailsettings:edit", args=["articles", "mustreads"])
    client.force_login(user_in_group("Reporters"))
    assert client.get(url).status_code in (302, 403)
    client.force_login(user_in_group("Editors"))
    assert client.get(url).status_code in (200, 302)


def test_story_under_review_is_not_public(client, draft_story):
    assert not ArticlePage.objects.published().filter(pk=draft_story.pk).exists()
