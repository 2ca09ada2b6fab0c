import os

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection


@pytest.fixture(autouse=True)
def _empty_cache():
    """Start every test with an empty cache, as a fresh server would."""
    from newsdesk.core.pagecache.fragments import fragments_forget

    cache.clear()
    fragments_forget()
    yield
    cache.clear()
    fragments_forget()


@pytest.fixture
def user_in_group(db):
    """Make a user who belongs to one of the newsroom's groups."""

    def make(group_name: str, username: str | None = None):
        user = get_user_model().objects.create_user(
            username=username or group_name.lower(), password="not-a-real-password-1"
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture(scope="module")
def browser(django_db_blocker):
    """Headless Chromium for a module's browser tests; skips, or fails in CI, without it."""
    from newsdesk.core.tests.browser import CHROMIUM, tools_missing

    missing = tools_missing()
    if missing:
        if os.environ.get("NEWSDESK_REQUIRE_BROWSER") == "1":
            pytest.fail(f"Browser tests are required here: {missing}")
        pytest.skip(missing)
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    snapshot = getattr(connection, "_test_serialized_contents", None)
    # An earlier browser module may have left rows behind (its teardown ran on a
    # connection without the snapshot, so post_migrate refilled the flushed tables);
    # start empty, so each test's restore of the snapshot does not collide with them.
    with django_db_blocker.unblock():
        call_command(
            "flush",
            interactive=False,
            inhibit_post_migrate=True,
            reset_sequences=False,  # restored rows keep their ids; new ones must not reuse them
            verbosity=0,
        )
    with sync_playwright() as playwright:
        # Playwright runs an event loop in this thread, so Django hands out a new
        # connection object; give it the snapshot that serialized_rollback restores from.
        if snapshot is not None:
            connection._test_serialized_contents = snapshot
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def site_page_cache(settings, django_capture_on_commit_callbacks):
    """Switch the page cache on, empty, for one test; returns a block that commits changes.

    Clearing the cache waits for the commit, which a test's transaction never
    makes: changes made inside `with committed():` run those callbacks.
    """
    from django.core.cache import caches

    from newsdesk.core.pagecache.store import page_store

    settings.NEWSDESK_PAGE_CACHE = True
    caches["pages"].clear()
    page_store().local_clear()
    yield lambda: django_capture_on_commit_callbacks(execute=True)
    caches["pages"].clear()
    page_store().local_clear()
