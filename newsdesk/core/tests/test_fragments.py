"""Kept fragments: reused until a clearing, here or in another process, and never longer."""

import pytest
from django.core.cache import caches

from newsdesk.core.pagecache import page_max_age_limit, page_tags_add, pages_invalidate
from newsdesk.core.pagecache.collector import collecting
from newsdesk.core.pagecache.fragments import fragment_cached, process_kept
from newsdesk.core.pagecache.store import GENERATION_KEY

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders():
    """A fragment that counts its renders and records a tag, as a rail of stories does."""
    count = []

    def render(*, key="a", max_age=None):
        def draw():
            count.append(key)
            page_tags_add(f"story-{len(count)}")
            if max_age is not None:
                page_max_age_limit(max_age)
            return f"<p>render {len(count)}</p>"

        return fragment_cached(name="test", key=key, render=draw)

    render.count = count
    return render


def test_a_fragment_is_rendered_once_and_then_reused(renders):
    assert renders() == "<p>render 1</p>"
    assert renders() == "<p>render 1</p>"
    assert renders(key="b") == "<p>render 2</p>"
    assert renders.count == ["a", "b"]


def test_a_reused_fragment_gives_the_page_the_tags_and_max_age_it_recorded(renders):
    renders(max_age=30)
    with collecting() as page:
        renders(max_age=30)
    assert page.tags == {"story-1"}
    assert page.max_age == 30


def test_a_clearing_in_this_process_renders_it_again_before_the_commit(renders):
    renders()
    pages_invalidate(tags={"story-1"})  # in a test's transaction: never committed
    assert renders() == "<p>render 2</p>"


def test_a_clearing_in_another_process_renders_it_again(renders):
    renders()
    caches["pages"].set(GENERATION_KEY, "moved by another process", None)
    assert renders() == "<p>render 2</p>"
    assert renders() == "<p>render 2</p>"


def test_a_fragment_is_not_kept_past_its_lifetime(renders, settings, monkeypatch):
    settings.NEWSDESK_FRAGMENT_SECONDS = 60
    clock = [1000.0]
    monkeypatch.setattr("newsdesk.core.pagecache.fragments.time.monotonic", lambda: clock[0])
    renders()
    clock[0] += 59
    assert renders() == "<p>render 1</p>"
    clock[0] += 2
    assert renders() == "<p>render 2</p>"


def test_a_fragment_showing_a_moving_list_lives_no_longer_than_its_max_age(
    renders, settings, monkeypatch
):
    settings.NEWSDESK_FRAGMENT_SECONDS = 60
    clock = [1000.0]
    monkeypatch.setattr("newsdesk.core.pagecache.fragments.time.monotonic", lambda: clock[0])
    renders(max_age=10)
    clock[0] += 11
    assert renders(max_age=10) == "<p>render 2</p>"


def test_no_fragment_is_kept_when_switched_off(renders, settings):
    settings.NEWSDESK_FRAGMENT_SECONDS = 0
    renders()
    assert renders() == "<p>render 2</p>"


@pytest.fixture
def loads():
    """A kept value that counts its loads."""
    count = []

    def load(*, key="a", found=True):
        def read():
            count.append(key)
            return (key, len(count)) if found else None

        return process_kept(name="test", key=key, load=read)

    load.count = count
    return load


def test_a_kept_value_is_loaded_once_until_a_clearing_here_or_elsewhere(
    loads, settings, monkeypatch
):
    settings.NEWSDESK_FRAGMENT_SECONDS = 60
    clock = [1000.0]
    monkeypatch.setattr("newsdesk.core.pagecache.fragments.time.monotonic", lambda: clock[0])
    assert loads() == loads() == ("a", 1)
    pages_invalidate(tags={"story-1"})
    assert loads() == ("a", 2)
    caches["pages"].set(GENERATION_KEY, "moved by another process for a kept value", None)
    assert loads() == loads() == ("a", 3)
    clock[0] += 61
    assert loads() == ("a", 4)


def test_nothing_found_is_not_kept(loads):
    assert loads(found=False) is None
    assert loads(found=False) is None
    assert loads.count == ["a", "a"]
