"""Every kind of public page carries the security headers, and its HTML needs no inline code.

The strict Content-Security-Policy only holds if no template writes inline
script or style, so the HTML of each page is checked for those too.
"""

import contextlib
import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import NoReverseMatch, reverse

from newsdesk.core.pagecache.middleware import FRONT_SECURITY_HEADERS

from .factories import ArticlePageFactory, AuthorFactory, SectionPageFactory

pytestmark = pytest.mark.django_db

PUBLIC_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "connect-src": "'self'",
    "font-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# Script types a browser treats as data, not code; CSP does not govern them.
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}


def policy_of(response) -> dict[str, str]:
    directives = (part.strip() for part in response["Content-Security-Policy"].split(";"))
    return dict(d.split(" ", 1) if " " in d else (d, "") for d in directives if d)


@pytest.fixture
def public_paths():
    """One address of every kind of public page, with what each should answer."""
    section = SectionPageFactory(title="World", slug="world")
    author = AuthorFactory(name="Mara Quell", slug="mara-quell")
    story = ArticlePageFactory(section=section, authors=[author], tags=["floods"])
    paths = {
        "home": ("/", 200),
        "section": (section.url, 200),
        "article": (story.url, 200),
        "author": (f"/authors/{author.slug}/", 200),
        "tag": ("/tags/floods/", 200),
        "search": ("/search/?q=floods", 200),
        "search, bad input": ("/search/?published_from=yesterday", 400),
        "section page past the end": (section.url + "?page=99", 404),
        "rss": ("/feeds/rss/", 200),
        "atom": (f"/feeds/sections/{section.slug}/atom/", 200),
        "sitemap": ("/sitemap.xml", 200),
        "stories sitemap": ("/sitemap-stories.xml", 200),
        "news sitemap": ("/sitemap-news.xml", 200),
        "robots": ("/robots.txt", 200),
        "missing page": ("/no-such-page/", 404),
        "comments": (f"/comments/{story.pk}/", 200),
        "view count": (f"/analytics/views/{story.pk}/", 200),
    }
    with contextlib.suppress(NoReverseMatch):  # the JSON API is an optional app
        paths["api"] = (reverse("api:stories:listing"), 200)
    return paths


def test_every_public_page_carries_the_security_headers(client, public_paths):
    for name, (path, status) in public_paths.items():
        response = client.get(path)

        assert response.status_code == status, name
        assert policy_of(response) == PUBLIC_POLICY, name
        assert response["X-Frame-Options"] == "DENY", name
        assert response["X-Content-Type-Options"] == "nosniff", name
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", name
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", name
        assert "camera=()" in response["Permissions-Policy"], name
        assert "geolocation=()" in response["Permissions-Policy"], name


def test_public_html_has_no_inline_script_or_style(client, public_paths):
    for name, (path, _status) in public_paths.items():
        response = client.get(path)
        if not response["Content-Type"].startswith("text/html"):
            continue
        soup = BeautifulSoup(response.content, "html.parser")

        inline_scripts = [
            tag
            for tag in soup.find_all("script")
            if not tag.get("src") and tag.get("type") not in DATA_SCRIPT_TYPES
        ]
        handlers = [
            (tag.name, attr)
            for tag in soup.find_all(True)
            for attr in tag.attrs
            if attr.startswith("on")
        ]
        assert inline_scripts == [], name
        assert handlers == [], name
        assert soup.find_all("style") == [], name
        assert soup.find_all(style=True) == [], name
        assert soup.select('a[href^="javascript:"]') == [], name


def test_admin_gets_its_own_policy_that_still_forbids_other_origins(client):
    response = client.get(reverse("wagtailadmin_login"))

    policy = policy_of(response)
    assert policy["script-src"] == "'self' 'unsafe-inline'"
    assert policy["default-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'self'"


def test_https_responses_carry_hsts_with_production_settings(client, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True

    response = client.get("/robots.txt", secure=True)

    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_hsts_is_not_sent_outside_production(client):
    response = client.get("/robots.txt", secure=True)

    assert "Strict-Transport-Security" not in response


def test_a_page_from_the_page_cache_keeps_its_security_headers(client, settings, public_paths):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "csp"},
    }
    settings.NEWSDESK_PAGE_CACHE = True
    path = public_paths["article"][0]

    rendered = client.get(path)
    cached = client.get(path)

    assert cached["X-Page-Cache"] == "HIT"
    for header in FRONT_SECURITY_HEADERS:
        assert cached[header] == rendered[header], header


def front_page_headers() -> tuple[list[str], dict[str, str]]:
    """What deploy/nginx.conf.template hides from the app's pages, and what it sets instead."""
    template = (settings.BASE_DIR / "deploy" / "nginx.conf.template").read_text()
    pages = template[template.index("location / {") :]
    hidden = re.findall(r"^\s*proxy_hide_header (\S+);", pages, re.MULTILINE)
    added = re.findall(r"^\s*add_header (\S+) (.+) always;", pages, re.MULTILINE)
    return hidden, {name: value.strip('"') for name, value in added if name != "X-Cache-Status"}


def test_the_front_sets_the_security_headers_the_app_would_send(client, public_paths):
    hidden, added = front_page_headers()
    response = client.get(public_paths["article"][0])

    assert sorted(hidden) == sorted(added) == sorted(FRONT_SECURITY_HEADERS)
    for header, value in added.items():
        if header == "Content-Security-Policy":
            assert policy_of({header: value}) == policy_of(response)
        else:
            assert value == response[header], header
