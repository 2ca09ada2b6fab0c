import random
from datetime import timedelta

import pytest
from django.utils import timezone

from newsdesk.articles.tests.factories import ArticlePageFactory, SectionPageFactory

TOPICS = {
    "space": "rocket orbit launch satellite astronaut lunar mission telescope payload booster",
    "farming": "harvest wheat tractor cattle drought fertiliser barley dairy grazing silage",
    "courts": "judge verdict appeal jury prosecutor sentencing testimony defendant ruling bail",
}


@pytest.fixture(autouse=True)
def _related_index_in_tmp(settings, tmp_path):
    # Each test fits its own index: nothing leaks between tests or into var/.
    settings.NEWSDESK_RELATED_INDEX_PATH = str(tmp_path / "related.joblib")


@pytest.fixture
def sections(db):
    return {
        "space": SectionPageFactory(title="Science", slug="science"),
        "farming": SectionPageFactory(title="Business", slug="business"),
        "courts": SectionPageFactory(title="World", slug="world"),
    }


@pytest.fixture
def story_on(sections):
    """Make a published story about `topic`, written from that topic's words."""
    rng = random.Random(7)

    def make(topic: str, *, days_ago: float = 1, **kwargs):
        words = TOPICS[topic].split()

        def sentence(n: int) -> str:
            return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."

        published = timezone.now() - timedelta(days=days_ago)
        fields = {
            "section": sections[topic],
            "title": sentence(6),
            "deck": sentence(12),
            "body": [{"type": "paragraph", "value": f"<p>{sentence(40)}</p>"}],
            "lead_image": None,
            "first_published_at": published,
            "last_published_at": published,
        }
        return ArticlePageFactory(**{**fields, **kwargs})

    return make
