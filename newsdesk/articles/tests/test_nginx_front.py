"""deploy/nginx.conf.template in front of the app, run with Debian's nginx.

Skipped where nginx is not installed; CI installs it.
"""

import gzip
import shutil
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.cache import caches

from bench.page_speed import Nginx
from newsdesk.core.pagecache.middleware import FRONT_SECURITY_HEADERS
from newsdesk.core.pagecache.store import page_store

from .factories import ArticlePageFactory, SectionPageFactory

pytestmark = [
    pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def front(live_server, settings):
    """nginx from the shipped template in front of the live app, which leaves it the headers."""
    settings.NEWSDESK_PAGE_CACHE = True
    settings.NEWSDESK_FRONT_SECURITY_HEADERS = True
    caches["pages"].clear()
    page_store().local_clear()
    prefix = Path(tempfile.mkdtemp(prefix="newsdesk-front-"))
    static_root = prefix / "static"
    static_root.mkdir(mode=0o755, parents=True)
    nginx = Nginx(
        prefix=prefix,
        app=live_server.url.removeprefix("http://"),
        static_root=static_root,
        media_root=prefix,
    )
    try:
        yield SimpleNamespace(url=nginx.base, static_root=static_root)
    finally:
        nginx.stop()
        shutil.rmtree(prefix, ignore_errors=True)


def get(url: str, **headers):
    """The response, whatever its status: (status, headers, body)."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # nosec B310 # local nginx
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def kept_by_front(url: str, **headers):
    """The page as the front answers it from its copy."""
    for _ in range(20):
        answer = get(url, **headers)
        if answer[1]["X-Cache-Status"] == "HIT":
            return answer
        time.sleep(0.1)  # nginx finishes writing its copy just after the first reader has it
    raise AssertionError(f"nginx never answered {url} from its copy")


def test_a_kept_page_carries_each_security_header_once(front):
    story = ArticlePageFactory(section=SectionPageFactory(title="World", slug="world"))

    status, headers, body = kept_by_front(front.url + story.url)

    assert status == 200
    assert story.title.encode() in body
    for header in FRONT_SECURITY_HEADERS:
        assert len(headers.get_all(header, [])) == 1, header
    assert "script-src 'self';" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"


def test_the_front_keeps_a_gzipped_copy_for_browsers_and_a_plain_one_for_others(front):
    story = ArticlePageFactory(section=SectionPageFactory(title="World", slug="world"))

    _, packed_headers, packed = kept_by_front(front.url + story.url, **{"Accept-Encoding": "gzip"})
    _, plain_headers, plain = kept_by_front(front.url + story.url)

    assert packed_headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed) == plain
    assert "Content-Encoding" not in plain_headers
    assert story.title.encode() in plain


def test_static_files_go_gzipped_from_the_copy_collectstatic_wrote(front):
    css = b"body { margin: 0; }\n" * 200
    (front.static_root / "site.css").write_bytes(css)
    (front.static_root / "site.css.gz").write_bytes(gzip.compress(css))

    _, headers, body = get(front.url + "/static/site.css", **{"Accept-Encoding": "gzip"})

    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == css


def test_a_missing_page_carries_them_too(front):
    status, headers, _ = get(front.url + "/no-such-page/")

    assert status == 404
    for header in FRONT_SECURITY_HEADERS:
        assert len(headers.get_all(header, [])) == 1, header


def test_the_admin_keeps_its_own_policy_through_the_front(front):
    status, headers, _ = get(front.url + "/admin/login/")

    assert status == 200
    assert headers.get_all("Content-Security-Policy") == [headers["Content-Security-Policy"]]
    assert "'unsafe-inline'" in headers["Content-Security-Policy"]
    assert "X-Cache-Status" not in headers
