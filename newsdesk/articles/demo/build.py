"""Build the demo newsroom, and grow its archive for benchmarks; the command calls these."""

import time
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from newsdesk.articles.models import ArticlePage, Author, HomePage, NewsImage, SectionPage

from .accounts import accounts_ensure
from .bulk import stories_bulk_insert, stories_index
from .front import front_ensure
from .pages import sections_ensure, stories_ensure
from .photos import scenes_ensure
from .renditions import library_renditions_pregenerate
from .staff import authors_ensure
from .stories import StoryPools, archive_publication_time, story_index, story_plan

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


@dataclass(frozen=True)
class ArchiveReport:
    stories_created: int
    indexed: bool
    insert_seconds: float
    index_seconds: float


def story_pools_load(*, seed: int) -> StoryPools:
    """Return the pictures and writers stories draw on, creating any that are missing."""
    return StoryPools(photos=scenes_ensure(seed=seed), authors_by_desk=authors_ensure(seed=seed))


def demo_build(
    *, seed: int = DEMO_SEED, stories: int = BASE_STORY_COUNT, renditions: bool = True
) -> DemoReport:
    """Create whatever part of the base demo is missing; a complete demo is left as it is.

    `stories` is the number of published stories; tests pass a small one and
    renditions=False, since drawing renditions is most of a build's time.
    """
    started = time.monotonic()
    with transaction.atomic():
        home = HomePage.objects.get()
        created = stories_ensure(
            seed=seed,
            count=stories,
            now=timezone.now(),
            sections=sections_ensure(home=home),
            pools=story_pools_load(seed=seed),
        )
        front_ensure(seed=seed, home=home)
        accounts = accounts_ensure()
    # Outside the transaction: rendering is half the build, too long to hold SQLite's write lock.
    made = library_renditions_pregenerate() if renditions else 0
    return DemoReport(
        stories_created=created,
        stories_published=ArticlePage.objects.published().count(),
        authors=Author.objects.count(),
        images=NewsImage.objects.count(),
        renditions_created=made,
        accounts_created=accounts,
        seconds=time.monotonic() - started,
    )


def story_index_next() -> int:
    """Return the first story index no generated story uses yet."""
    slugs = ArticlePage.objects.values_list("slug", flat=True).iterator()
    return max((i for i in (story_index(slug=s) for s in slugs) if i is not None), default=-1) + 1


def archive_build(*, seed: int = DEMO_SEED, count: int, index: bool = False) -> ArchiveReport:
    """Add `count` published stories, dated before the recent ones, through the bulk path.

    Needs the base demo's sections, pictures and writers. Search indexing is
    opt-in: Wagtail's indexer costs about 8 ms of CPU a story, eight times the
    insert, so a benchmark archive is left out of search unless asked.
    """
    started = time.monotonic()
    home = HomePage.objects.get()
    sections = {s.slug: s for s in SectionPage.objects.child_of(home)}
    pools = story_pools_load(seed=seed)
    first, now = story_index_next(), timezone.now()
    plans = (
        story_plan(
            seed=seed,
            index=i,
            published_at=archive_publication_time(seed=seed, index=i, now=now),
            now=now,
            pools=pools,
        )
        for i in range(first, first + count)
    )
    ids = stories_bulk_insert(plans=plans, sections=sections)
    inserted = time.monotonic()
    if index:
        stories_index(ids=ids)
    return ArchiveReport(
        stories_created=len(ids),
        indexed=index,
        insert_seconds=inserted - started,
        index_seconds=time.monotonic() - inserted,
    )
