"""The public pages in headless Chromium: parts visible, keyboard entry, axe-core scan.

Needs Debian's chromium and axe-core from npm. Locally the test skips and says
so when either is missing; CI sets NEWSDESK_REQUIRE_BROWSER=1 so it fails instead.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from newsdesk.articles.models import MustReads

from .factories import ArticlePageFactory, AuthorFactory, NewsImageFactory, SectionPageFactory

CHROMIUM = Path(os.environ.get("NEWSDESK_CHROMIUM", "/usr/bin/chromium"))
AXE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = settings.BASE_DIR / "test-artifacts"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _missing_tools() -> str | None:
    if not CHROMIUM.exists():
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    if not AXE.exists():
        return f"axe-core not found at {AXE} (npm ci)"
    return None


@pytest.fixture(scope="module")
def browser():
    missing = _missing_tools()
    if missing:
        if os.environ.get("NEWSDESK_REQUIRE_BROWSER") == "1":
            pytest.fail(f"Browser tests are required here: {missing}")
        pytest.skip(missing)
    # Playwright's sync API runs an event loop in this thread; the ORM calls made
    # by fixtures around it are still plain synchronous calls.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from django.db import connection
    from playwright.sync_api import sync_playwright

    # With Playwright's loop running, Django hands out a fresh connection object
    # that lacks the snapshot serialized_rollback restores, so carry it over.
    snapshot = getattr(connection, "_test_serialized_contents", None)
    with sync_playwright() as playwright:
        connection._test_serialized_contents = snapshot
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def site_content():
    world = SectionPageFactory(title="World", slug="world")
    business = SectionPageFactory(title="Business", slug="business")
    author = AuthorFactory(
        name="Mara Quell", email="mara@newsdesk.example", photo=NewsImageFactory()
    )
    stories = [
        ArticlePageFactory(section=section, authors=[author], lead_image=NewsImageFactory())
        for section in (world, business)
        for _ in range(4)
    ]
    must_reads = MustReads.for_site(stories[0].get_site())
    for order, story in enumerate(stories[:5]):
        must_reads.items.create(story=story, sort_order=order)
    must_reads.save()
    return {"section": world, "story": stories[0]}


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def check_page(browser, url: str, name: str, visible: list[str]) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for viewport_name, viewport in VIEWPORTS.items():
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport=viewport, color_scheme=scheme)
            page = context.new_page()
            page.goto(url)
            for selector in visible:
                assert page.locator(selector).first.is_visible(), f"{selector} on {name}"
            page.keyboard.press("Tab")
            focused = page.evaluate("document.activeElement.textContent")
            assert focused == "Home page", f"first Tab on {name} focused {focused!r}"
            assert page.locator(".skip-links a").first.is_visible()
            assert axe_violations(page) == [], f"{name}, {viewport_name}, {scheme}"
            page.screenshot(path=ARTIFACTS / f"{name}-{viewport_name}-{scheme}.png", full_page=True)
            context.close()


def test_home_page_in_the_browser(browser, live_server, site_content):
    check_page(
        browser,
        live_server.url + "/",
        "home",
        [".front__lead .card__headline", ".front__section", "#list-latest", "#list-must-reads"],
    )


def test_section_front_in_the_browser(browser, live_server, site_content):
    check_page(
        browser,
        live_server.url + site_content["section"].url,
        "section",
        ["h1", ".listing .card", "#list-must-reads"],
    )


def test_article_in_the_browser(browser, live_server, site_content):
    check_page(
        browser,
        live_server.url + site_content["story"].url,
        "article",
        [
            "h1",
            ".byline__authors a",
            ".story__deck",
            ".figure--lead img",
            ".figure--lead figcaption",
            ".story__body",
            ".author-box",
            "#list-latest",
            "#list-must-reads",
            ".share__links",
        ],
    )


def test_copy_link_button_copies_the_story_url(browser, live_server, site_content):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(live_server.url + site_content["story"].url)
    page.get_by_role("button", name="Copy link").click()
    page.get_by_text("Link copied.").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.input_value("#share-url")
    assert copied.endswith(site_content["story"].url)
    context.close()
