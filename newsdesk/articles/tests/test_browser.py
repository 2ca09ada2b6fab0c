"""The public pages in headless Chromium: parts visible, keyboard entry, axe-core scan.

Needs Debian's chromium and axe-core from npm. Locally the test skips and says
so when either is missing; CI sets NEWSDESK_REQUIRE_BROWSER=1 so it fails instead.
"""

import pytest

from newsdesk.articles.models import MustReads
from newsdesk.core.tests.browser import check_page

from .factories import ArticlePageFactory, AuthorFactory, NewsImageFactory, SectionPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


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
