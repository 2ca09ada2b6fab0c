"""Wrong passwords lock an account, and an address, through the admin's own sign-in form."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"
PASSWORD = "a-long-enough-password-1"  # noqa: S105
LOCKED = "Too many wrong passwords"


@pytest.fixture
def editor():
    user = get_user_model().objects.create_user("kim", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def sign_in(client, username, password, address="198.51.100.1", **headers):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def signed_in(client) -> bool:
    return client.get("/admin/").status_code == 200


def test_ten_wrong_passwords_lock_the_account_even_against_the_right_one(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, "kim", "wrong-guess")
        assert response.status_code == 200  # the form again, "enter a correct password"
    assert sign_in(client, "kim", "wrong-guess").status_code == 429

    response = sign_in(client, "kim", PASSWORD, address="192.0.2.99")
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "locked for 15 minutes" in response.content.decode()
    assert not signed_in(client)


def test_nine_wrong_passwords_still_let_the_right_one_in(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "kim", "wrong-guess")
    assert sign_in(client, "kim", PASSWORD).status_code == 302
    assert signed_in(client)


def test_one_address_guessing_across_accounts_is_locked_out(client, editor):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"someone-{n}", "wrong-guess", address="203.0.113.5")

    refused = sign_in(client, "kim", PASSWORD, address="203.0.113.5")
    assert refused.status_code == 429
    assert not signed_in(client)
    assert sign_in(client, "kim", PASSWORD, address="203.0.113.6").status_code == 302


def test_the_address_is_read_from_the_proxy_header_the_site_trusts(client, editor, settings):
    settings.NEWSDESK_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    proxy = "10.0.0.2"
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"someone-{n}", "wrong-guess", address=proxy, HTTP_X_REAL_IP="203.0.113.5")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.5"}

    # Another reader behind the same proxy is not the guesser.
    response = sign_in(client, "kim", PASSWORD, address=proxy, HTTP_X_REAL_IP="203.0.113.77")
    assert response.status_code == 302


def test_the_lock_lifts_once_the_cool_off_has_passed(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "kim", "wrong-guess")
    assert sign_in(client, "kim", PASSWORD).status_code == 429

    # As if the cool-off had passed since the last wrong password.
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time
        - settings.AXES_COOLOFF_TIME
        - timedelta(seconds=1)
    )
    assert sign_in(client, "kim", PASSWORD).status_code == 302
    assert signed_in(client)


def test_an_administrator_can_lift_the_lock_at_once(client, editor):
    from django.core.management import call_command

    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "kim", "wrong-guess")
    call_command("axes_reset_username", "kim")
    assert sign_in(client, "kim", PASSWORD).status_code == 302
