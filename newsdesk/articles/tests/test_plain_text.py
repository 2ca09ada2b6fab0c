"""A story's body as the plain text that search passages and related stories read."""

import pytest

from newsdesk.articles.plain_text import body_plain_text
from newsdesk.articles.tests.factories import ArticlePageFactory, NewsImageFactory

pytestmark = pytest.mark.django_db


def test_every_block_gives_its_words_without_markup(django_assert_num_queries):
    image = NewsImageFactory()
    story = ArticlePageFactory(
        lead_image=None,
        body=[
            {"type": "paragraph", "value": "<p>Rates <b>rose</b> by&nbsp;a &lt;half&gt;\n pt.</p>"},
            {"type": "subheading", "value": "What comes next"},
            {"type": "pull_quote", "value": {"quote": "Not yet", "attribution": "A banker"}},
            {"type": "image", "value": {"image": image.pk, "caption": "The bank.", "credit": ""}},
            {
                "type": "link_embed",
                "value": {"url": "https://example.org/r", "title": "The report", "summary": ""},
            },
        ],
    )
    story.refresh_from_db()
    with django_assert_num_queries(0):
        text = body_plain_text(story.body)
    assert text == (
        "Rates rose by a <half> pt. What comes next Not yet A banker The bank. "
        "https://example.org/r The report"
    )


def test_an_empty_body_is_empty_text():
    story = ArticlePageFactory(lead_image=None, body=[])
    story.refresh_from_db()
    assert body_plain_text(story.body) == ""
