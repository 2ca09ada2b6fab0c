"""Two-step sign-in: off for the demo, required for a group when the setting names it."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-enough-password-1"  # noqa: S105
PAGES = "/admin/pages/"


@pytest.fixture
def editor():
    user = get_user_model().objects.create_user("sam", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editors_need_2fa(settings):
    settings.NEWSDESK_2FA_REQUIRED_GROUPS = ["Editors"]


def sign_in(client, next_url=PAGES):
    return client.post(
        f"/admin/login/?next={next_url}",
        {"username": "sam", "password": PASSWORD, "next": next_url},
    )


def code_for(device: TOTPDevice, *, offset: int = 0) -> str:
    """The code the phone would show now (offset in 30-second steps)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, drift=offset):06d}"


def test_by_default_an_editor_signs_in_with_a_password_alone(client, editor):
    sign_in(client)
    assert client.get(PAGES).status_code == 200


def test_an_editor_without_an_app_is_sent_to_set_one_up_and_kept_out(
    client, editor, editors_need_2fa
):
    response = sign_in(client)
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-step/setup/")
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/pages/").status_code == 302
    setup = client.get(response["Location"])
    assert setup.status_code == 200
    assert "<svg" in setup.content.decode()


def test_setting_up_an_app_with_its_code_lets_the_editor_in(client, editor, editors_need_2fa):
    sign_in(client)
    client.get("/admin/two-step/setup/")
    device = TOTPDevice.objects.get(user=editor, confirmed=False)

    wrong = client.post("/admin/two-step/setup/", {"otp_token": "000000"})
    assert wrong.status_code == 400
    device.refresh_from_db()
    device.throttle_reset()  # as if the second django-otp waits after a wrong code had passed
    right = client.post("/admin/two-step/setup/", {"otp_token": code_for(device), "next": PAGES})
    assert right["Location"] == PAGES
    assert client.get(PAGES).status_code == 200
    device.refresh_from_db()
    assert device.confirmed


@pytest.fixture
def editor_with_app(editor):
    return TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)


def test_an_editor_with_an_app_is_asked_for_its_code(
    client, editor, editors_need_2fa, editor_with_app
):
    response = client.get(sign_in(client)["Location"])
    assert response["Location"].startswith("/admin/two-step/?next=")
    assert client.get(PAGES).status_code == 302

    response = client.post(
        "/admin/two-step/", {"otp_token": code_for(editor_with_app), "next": PAGES}
    )
    assert response["Location"] == PAGES
    assert client.get(PAGES).status_code == 200


def test_a_wrong_code_keeps_the_editor_out(client, editor, editors_need_2fa, editor_with_app):
    sign_in(client)
    response = client.post(
        "/admin/two-step/", {"otp_token": code_for(editor_with_app, offset=-10), "next": PAGES}
    )
    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    assert "not right" in page.get_text()
    assert client.get(PAGES).status_code == 302


@pytest.mark.parametrize("bad", ["", "12345", "abcdef", "1234567", "１２３４５６"])
def test_a_malformed_code_is_refused_with_a_message(client, editor, editor_with_app, bad):
    sign_in(client)
    response = client.post("/admin/two-step/", {"otp_token": bad})
    assert response.status_code == 400
    assert client.get(PAGES).status_code == 302


def test_a_code_is_good_once(client, editor, editor_with_app):
    sign_in(client)
    code = code_for(editor_with_app)
    client.post("/admin/two-step/", {"otp_token": code})
    client.post("/admin/logout/")
    sign_in(client)
    assert client.post("/admin/two-step/", {"otp_token": code}).status_code == 400


def test_anyone_who_set_up_an_app_is_asked_even_when_no_group_must(client, editor, editor_with_app):
    sign_in(client)
    assert client.get(PAGES)["Location"].startswith("/admin/two-step/")


def test_the_public_site_never_asks_for_a_code(client, editor, editors_need_2fa, editor_with_app):
    sign_in(client)
    assert client.get("/").status_code == 200


def test_an_administrator_turns_it_off_for_a_lost_phone(client, editor, editor_with_app):
    out = StringIO()
    call_command("two_factor_off", "sam", stdout=out)
    assert "Removed 1 authenticator app(s) from sam." in out.getvalue()
    sign_in(client)
    assert client.get(PAGES).status_code == 200


def test_turning_it_off_for_an_unknown_user_says_so():
    with pytest.raises(CommandError, match="No user is called 'nobody'"):
        call_command("two_factor_off", "nobody")


def test_right_after_a_wrong_code_the_editor_is_told_to_wait(client, editor, editor_with_app):
    sign_in(client)
    client.post("/admin/two-step/", {"otp_token": code_for(editor_with_app, offset=-10)})
    response = client.post("/admin/two-step/", {"otp_token": code_for(editor_with_app)})
    assert response.status_code == 400
    assert "wait a few seconds" in response.content.decode()
    assert client.get(PAGES).status_code == 302


def test_the_account_page_offers_two_step_sign_in_to_anyone(client, editor):
    sign_in(client)
    page = BeautifulSoup(client.get("/admin/account/").content, "html.parser")
    link = page.find("a", href="/admin/two-step/setup/")
    assert link is not None
    assert "Two-step sign-in" in link.get_text()


def test_a_code_never_sends_the_editor_to_another_site(client, editor, editor_with_app):
    sign_in(client)
    response = client.post(
        "/admin/two-step/",
        {"otp_token": code_for(editor_with_app), "next": "https://elsewhere.example/admin/"},
    )
    assert response["Location"] == "/admin/"


def test_a_password_alone_cannot_add_another_app(client, editor, editor_with_app):
    sign_in(client)
    response = client.get("/admin/two-step/setup/")
    assert response["Location"].startswith("/admin/two-step/?next=")
    client.post("/admin/two-step/setup/", {"otp_token": "123456"})
    assert list(TOTPDevice.objects.filter(user=editor)) == [editor_with_app]


def test_an_empty_post_is_refused_not_taken_for_a_visit(client, editor, editor_with_app):
    sign_in(client)
    assert client.post("/admin/two-step/").status_code == 400
