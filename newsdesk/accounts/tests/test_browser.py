"""Signing in to the admin in headless Chromium: password, then two-step sign-in set up
from the key the page shows, as an editor would with a phone; and the lockout page.

Skips when Chromium or axe-core is missing, fails instead under NEWSDESK_REQUIRE_BROWSER=1.
"""

from base64 import b32decode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp.oath import totp

from newsdesk.core.tests.browser import ARTIFACTS, axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "a-long-enough-password-1"  # noqa: S105


@pytest.fixture
def editor(db, settings):
    settings.NEWSDESK_2FA_REQUIRED_GROUPS = ["Editors"]
    user = get_user_model().objects.create_user("pat", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def sign_in(page, base_url, password=PASSWORD):
    page.goto(base_url + "/admin/login/")
    page.fill("input[name=username]", "pat")
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")


def test_an_editor_sets_up_two_step_sign_in_from_the_page(browser, live_server, editor):
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_context().new_page()
    sign_in(page, live_server.url)
    page.wait_for_url("**/admin/two-step/setup/**")
    assert page.locator("figure svg").is_visible()  # the QR code
    assert axe_violations(page, scope="main") == []
    page.screenshot(path=ARTIFACTS / "two-step-setup.png", full_page=True)

    key = page.locator("figcaption code").inner_text().replace(" ", "")
    page.fill("input[name=otp_token]", f"{totp(b32decode(key)):06d}")
    page.click("button:has-text('Turn on')")
    page.wait_for_url(live_server.url + "/admin/")
    assert page.get_by_text("Two-step sign-in is on for your account.").is_visible()


def test_the_lockout_page_says_why_and_for_how_long(browser, live_server, editor, settings):
    settings.AXES_FAILURE_LIMIT = 2
    page = browser.new_context().new_page()
    for _ in range(2):
        sign_in(page, live_server.url, password="wrong-guess")
    sign_in(page, live_server.url)
    assert page.get_by_role("alert").inner_text().startswith("Too many wrong passwords.")
    assert "locked for 15 minutes" in page.get_by_role("alert").inner_text()
    assert axe_violations(page, scope="main") == []
    page.screenshot(path=ARTIFACTS / "sign-in-locked.png", full_page=True)
