"""Build the demo newsroom end to end; the demo_content command and the tests call this."""

import time
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from newsdesk.articles.models import ArticlePage, Author, HomePage, NewsImage

from .accounts import accounts_ensure
from .front import front_ensure
from .pages import sections_ensure, stories_ensure
from .photos import scenes_ensure
from .renditions import renditions_pregenerate
from .staff import authors_ensure
from .stories import StoryPools

DEMO_SEED = 2026
BASE_STORY_COUNT = 320


@dataclass(frozen=True)
class DemoReport:
    stories_created: int
    stories_published: int
    authors: int
    images: int
    renditions_created: int
    accounts_created: int
    seconds: float


def story_pools_load(*, seed: int) -> StoryPools:
    """Return the pictures and writers stories draw on, creating any that are missing."""
    return StoryPools(photos=scenes_ensure(seed=seed), authors_by_desk=authors_ensure(seed=seed))


def demo_build(*, seed: int = DEMO_SEED, stories: int = BASE_STORY_COUNT) -> DemoReport:
    """Create whatever part of the base demo is missing; a complete demo is left as it is.

    `stories` is the number of published stories; tests pass a small one.
    """
    started = time.monotonic()
    with transaction.atomic():
        home = HomePage.objects.get()
        sections = sections_ensure(home=home)
        created = stories_ensure(
            seed=seed,
            count=stories,
            now=timezone.now(),
            sections=sections,
            pools=story_pools_load(seed=seed),
        )
        front_ensure(seed=seed, home=home)
        accounts = accounts_ensure()
    # Outside the transaction: rendition files are on disk whatever the database does.
    renditions = renditions_pregenerate(images=NewsImage.objects.prefetch_related("renditions"))
    return DemoReport(
        stories_created=created,
        stories_published=ArticlePage.objects.published().count(),
        authors=Author.objects.count(),
        images=NewsImage.objects.count(),
        renditions_created=renditions,
        accounts_created=accounts,
        seconds=time.monotonic() - started,
    )
