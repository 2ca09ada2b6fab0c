from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from newsdesk.articles.tests.factories import ArticlePageFactory, SectionPageFactory


@pytest.fixture
def sections(db):
    return {
        "world": SectionPageFactory(title="World", slug="world"),
        "business": SectionPageFactory(title="Business", slug="business"),
    }


@pytest.fixture
def story(sections):
    """Make a story in a section; `text` becomes its one body paragraph (HTML allowed)."""

    def make(title, *, section="world", deck="A deck.", text="Nothing to see.", when=None, **kw):
        published = when or timezone.now() - timedelta(days=1)
        return ArticlePageFactory(
            section=sections[section],
            title=title,
            deck=deck,
            body=[{"type": "paragraph", "value": f"<p>{text}</p>"}],
            lead_image=None,
            first_published_at=published,
            last_published_at=published,
            **kw,
        )

    return make


def local(year, month, day, hour=12):
    """Return a time in the newsroom's zone."""
    return datetime(year, month, day, hour, tzinfo=timezone.get_current_timezone())
