from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from newsdesk.articles.tests.factories import (
    DRAFT,
    SCHEDULED,
    ArticlePageFactory,
    AuthorFactory,
    SectionPageFactory,
)


@pytest.fixture
def sections(db):
    return {
        "world": SectionPageFactory(title="World", slug="world"),
        "business": SectionPageFactory(title="Business", slug="business"),
    }


@pytest.fixture
def story(sections):
    """Make a published story; hours_ago sets its first publication."""

    def make(title, *, section="world", hours_ago=1, **kwargs):
        published = timezone.now() - timedelta(hours=hours_ago)
        fields = {
            "section": sections[section],
            "title": title,
            "deck": f"The deck of {title}.",
            "lead_image": None,
            "first_published_at": published,
            "last_published_at": published,
        }
        return ArticlePageFactory(**{**fields, **kwargs})

    return make


@pytest.fixture
def hidden_stories(story, sections):
    """A draft, a scheduled, an unpublished and a private story, all by one author with one tag,
    none of which any endpoint may show."""
    author = AuthorFactory(name="Hidden Hand", slug="hidden-hand")
    common = {"authors": [author], "tags": ["secret"]}
    draft = story("Draft story", status=DRAFT, **common)
    scheduled = story(
        "Scheduled story",
        status=SCHEDULED,
        go_live_at=timezone.now() + timedelta(days=1),
        **common,
    )
    unpublished = story("Unpublished story", **common)
    unpublished.unpublish()
    private = story("Private story", **common)
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Editors"))
    return [draft, scheduled, unpublished, private]


@pytest.fixture(autouse=True)
def _reads_in_the_database(settings):
    # Rankings come from the database read store here, flushed as reads arrive;
    # the stores themselves are tested against Redis in the analytics app.
    settings.REDIS_URL = ""
