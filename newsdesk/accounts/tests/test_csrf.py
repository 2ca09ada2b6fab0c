"""Every URL refuses a state-changing POST that carries no CSRF token.

The test walks the whole URL conf (Wagtail's admin included), fills each
parameter with a sample value, and POSTs as a signed-in superuser with
Django's CSRF checks on. A view may answer 403 (refused), or 405 / 404 /
a redirect to sign-in where it takes no POST at all; anything else must be
listed below with the reason it is safe without Django's token.
"""

import re
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

pytestmark = pytest.mark.django_db

# Views deliberately exempt from Django's CSRF check, and what protects them instead.
CSRF_EXEMPT_ALLOWED = {
    # The read beacon: no cookie and no session by design (pages are cached
    # whole); it accepts only a signed per-story token, and a forged read only
    # counts as one read, de-duplicated per visitor.
    "newsdesk.analytics.views.read_beacon",
    # Comments on cached pages: no CSRF cookie to ride; guard.py checks Origin
    # (or Referer) against this site and a signed, short-lived form token.
    "newsdesk.comments.views.comment_post",
    "newsdesk.comments.views.comment_report_view",
}
# Django REST framework marks its views csrf_exempt and checks the token itself
# for session sign-ins. Views that take only these methods change nothing anyway;
# those that take writes are listed here and still walked, so DRF's check is proved.
SAFE_METHODS = {"get", "head", "options"}
CSRF_CHECKED_BY_DRF = {
    # Wagtail's admin API: page actions (copy, move, publish...) by POST.
    "wagtail.admin.api.views.PagesAdminAPIViewSet",
}
REFUSED = {403, 404, 405}
SAMPLES = {"int": "1", "slug": "sample", "str": "sample", "path": "sample/path"}
# A regex route's groups, named or not, nested one level at most (Wagtail's are).
GROUP = re.compile(r"\((?:\?P<\w+>|\?:)?(?P<body>(?:[^()]|\([^()]*\))*)\)(?P<repeat>[?*]?)")


def _sample_for_regex(match: re.Match) -> str:
    body = match["body"]
    if match["repeat"] or body.endswith("*"):
        return ""  # optional: leave it out
    if r"\d" in body or body.startswith("[0-9"):
        return "1"
    return "sample"


def _regex_to_path(regex: str) -> str:
    """Fill a regex route's groups with samples and drop its anchors."""
    path = GROUP.sub(_sample_for_regex, regex)
    return path.lstrip("^").rstrip("$").replace("\\", "")


def _route_to_path(route: str) -> str:
    return re.sub(
        r"<(?:(?P<conv>\w+):)?\w+>",
        lambda m: str(uuid.uuid4()) if m["conv"] == "uuid" else SAMPLES.get(m["conv"] or "str"),
        route,
    )


def _walk(patterns, prefix=""):
    for entry in patterns:
        pattern = entry.pattern
        raw = getattr(pattern, "_route", None)
        piece = _route_to_path(raw) if raw is not None else _regex_to_path(pattern.regex.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + piece)
        elif isinstance(entry, URLPattern):
            yield "/" + prefix + piece, entry


def view_name(callback) -> str:
    target = getattr(callback, "view_class", None) or callback
    if not hasattr(target, "__qualname__"):  # a view instance, such as a syndication feed
        target = type(target)
    return f"{target.__module__}.{target.__qualname__}"


def urls_to_post() -> list[tuple[str, str, bool]]:
    """(sample URL, view name, view) for every route whose sample URL resolves to that view."""
    found, unresolved = [], []
    for url, entry in _walk(get_resolver().url_patterns):
        try:
            match = resolve(url)
        except Resolver404:
            unresolved.append(url)
            continue
        if view_name(match.func) != view_name(entry.callback):
            unresolved.append(url)  # an earlier route answers this sample
            continue
        found.append((url, view_name(entry.callback), match.func))
    return found, unresolved


def read_only(callback) -> bool:
    """Whether a view takes only safe methods, as DRF views declare."""
    actions = getattr(callback, "actions", None)
    if actions:
        return set(actions) <= SAFE_METHODS
    view_class = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    return view_class is not None and set(view_class.http_method_names) <= SAFE_METHODS


def exempt_unlisted(found) -> set[str]:
    """csrf_exempt views that take writes but are not in CSRF_EXEMPT_ALLOWED."""
    return {
        name
        for _, name, callback in found
        if getattr(callback, "csrf_exempt", False)
        and not read_only(callback)
        and name not in CSRF_EXEMPT_ALLOWED | CSRF_CHECKED_BY_DRF
    }


def posts_accepted(found) -> list[tuple[str, str, int]]:
    """URLs that took a token-less POST from a signed-in superuser instead of refusing it."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.create_superuser("root", password="unused-pw-1"))
    accepted = []
    for url, name, _ in found:
        if name in CSRF_EXEMPT_ALLOWED:
            continue
        response = client.post(url, {"title": "forged"})
        to_login = response.status_code == 302 and "/login/" in response.get("Location", "")
        if response.status_code not in REFUSED and not to_login:
            accepted.append((url, name, response.status_code))
    return accepted


@pytest.fixture
def routes():
    return urls_to_post()


def test_the_walk_reaches_the_admin_and_every_app(routes):
    found, unresolved = routes
    urls = [url for url, _, _ in found]
    assert len(found) > 300
    for prefix in ("/admin/pages/", "/admin/snippets/", "/admin/users/", "/comments/", "/feeds/"):
        assert any(url.startswith(prefix) for url in urls), prefix
    # A route whose sample URL reaches another view is not walked: make its sample reach it.
    assert not unresolved, unresolved


def test_every_csrf_exempt_view_that_takes_writes_is_listed(routes):
    found, _ = routes
    unexpected = exempt_unlisted(found)
    assert not unexpected, f"csrf_exempt without a reason in CSRF_EXEMPT_ALLOWED: {unexpected}"


def test_a_post_without_a_token_is_refused_everywhere(routes):
    found, _ = routes
    accepted = posts_accepted(found)
    assert not accepted, f"POSTs without a CSRF token were not refused: {accepted}"


def test_a_new_exempt_view_would_be_caught(settings):
    settings.ROOT_URLCONF = "newsdesk.accounts.tests.rogue_urls"
    found, _ = urls_to_post()
    rogue = "newsdesk.accounts.tests.rogue_urls.rogue_view"
    assert exempt_unlisted(found) == {rogue}
    assert posts_accepted([entry for entry in found if entry[1] == rogue]) == [
        ("/rogue/1/", rogue, 200)
    ]
