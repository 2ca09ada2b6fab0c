"""Admin sessions end after a spell of inactivity; new passwords must be strong."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from newsdesk.articles.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, user_in_group):
    client.force_login(user_in_group("Editors"))
    return client


def stored_session(client) -> Session:
    return Session.objects.get(session_key=client.session.session_key)


def test_an_idle_session_has_ended_and_the_admin_asks_to_sign_in(editor_client):
    assert editor_client.get("/admin/").status_code == 200
    session = stored_session(editor_client)
    session.expire_date = timezone.now() - timezone.timedelta(seconds=1)
    session.save()

    response = editor_client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_each_admin_request_moves_the_end_of_the_session_on(editor_client):
    editor_client.get("/admin/")
    session = stored_session(editor_client)
    session.expire_date = timezone.now() + timezone.timedelta(minutes=1)
    session.save()

    editor_client.get("/admin/pages/")
    idle_limit = timezone.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    assert stored_session(editor_client).expire_date > timezone.now() + idle_limit / 2


@pytest.mark.parametrize(
    "weak",
    [
        "short-pw1",  # under twelve characters
        "password1234",  # a common password
        "739184625017",  # numbers only
        "bob-the-reporter",  # too like the username
    ],
)
def test_an_administrator_cannot_give_a_new_user_a_weak_password(client, user_in_group, weak):
    client.force_login(user_in_group("Administrators"))
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "bob-the-reporter",
            "email": "bob@newsdesk.example",
            "first_name": "Bob",
            "last_name": "Reporter",
            "password1": weak,
            "password2": weak,
        },
    )
    assert response.status_code == 200  # the form again, with the reason
    assert not get_user_model().objects.filter(username="bob-the-reporter").exists()


def test_a_strong_password_is_accepted(client, user_in_group):
    client.force_login(user_in_group("Administrators"))
    client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "bob-the-reporter",
            "email": "bob@newsdesk.example",
            "first_name": "Bob",
            "last_name": "Reporter",
            "password1": "harbour-lights-at-dusk",
            "password2": "harbour-lights-at-dusk",
        },
    )
    assert get_user_model().objects.filter(username="bob-the-reporter").exists()


def test_a_stale_session_cookie_on_the_public_site_writes_nothing(client):
    story = ArticlePageFactory(lead_image=None)
    client.cookies[settings.SESSION_COOKIE_NAME] = "forged-or-long-expired-session-key"
    response = client.get(story.url)
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert not Session.objects.exists()


def test_a_readers_story_page_does_not_read_the_session(client):
    story = ArticlePageFactory(lead_image=None)
    response = client.get(story.url)
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
