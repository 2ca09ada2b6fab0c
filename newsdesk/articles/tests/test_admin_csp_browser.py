"""Wagtail's admin in headless Chromium under its own Content-Security-Policy: nothing blocked."""

import pytest
from django.urls import reverse

from newsdesk.core.tests.browser import RECORD_VIOLATIONS

from .factories import ArticlePageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-long-enough-test-password"  # noqa: S105


def test_editor_works_in_the_admin_without_policy_violations(browser, live_server, user_in_group):
    editor = user_in_group("Editors")
    editor.set_password(PASSWORD)
    editor.save()
    story = ArticlePageFactory(title="Harbour towns brace for the spring floods")
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))

    page.goto(live_server.url + reverse("wagtailadmin_login"))
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + reverse("wagtailadmin_home"))
    seen = {}
    for name, url in {
        "dashboard": reverse("wagtailadmin_home"),
        "edit story": reverse("wagtailadmin_pages:edit", args=[story.pk]),
        "add image": reverse("wagtailimages:add"),
    }.items():
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        seen[name] = page.evaluate("window.__violations")
    context.close()

    assert seen == {"dashboard": [], "edit story": [], "add image": []}
    assert [e for e in errors if "Content Security Policy" in e] == []
