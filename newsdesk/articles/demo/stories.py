"""Plan each generated story: words, byline, pictures and publication times, without the database.

A story's plan depends only on the seed and its index (plus the clock for
its times), so the base build and the bulk path describe story N the same way,
and the slug's numeric suffix leads back to N and so to its topic.
"""

import random
import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from django.utils.text import slugify

from .photos import PhotoLibrary
from .text import StoryText, notice_text_compose, story_text_compose, story_topic
from .topics import TOPICS, Topic

RECENT_WINDOW = timedelta(days=60)
ARCHIVE_SPAN = timedelta(days=3 * 365)
FRESHEST_AGE = timedelta(minutes=5)
UPDATED_SHARE = 0.15
NOTICE_SHARE = 0.03
SLUG_INDEX = re.compile(r"-(\d+)$")


@dataclass(frozen=True)
class StoryPools:
    """What plans choose from: pictures, and author ids by desk (section slug)."""

    photos: PhotoLibrary
    authors_by_desk: dict[str, list[int]]


@dataclass(frozen=True)
class StoryPlan:
    index: int
    topic: Topic
    text: StoryText
    slug: str
    author_ids: tuple[int, ...]
    lead_image_id: int
    first_published_at: datetime | None
    last_published_at: datetime | None
    notice_kind: str = ""
    notice_text: str = ""
    notice_date: datetime | None = None


def story_slug(*, title: str, index: int) -> str:
    return f"{slugify(title)[:80].rstrip('-')}-{index}"


def story_index(*, slug: str) -> int | None:
    """Return the index a generated story's slug ends with, or None for other slugs."""
    match = SLUG_INDEX.search(slug)
    return int(match.group(1)) if match else None


def recent_publication_time(*, seed: int, index: int, count: int, now: datetime) -> datetime:
    """Spread story `index` of `count` over the recent window, newest last."""
    rng = random.Random(f"{seed}:time:{index}")
    age = RECENT_WINDOW * (1 - (index + rng.random()) / count)
    return (now - max(age, FRESHEST_AGE)).replace(second=0, microsecond=0)


def archive_publication_time(*, seed: int, index: int, now: datetime) -> datetime:
    """Place a bulk story somewhere in the archive before the recent window."""
    rng = random.Random(f"{seed}:time:{index}")
    age = RECENT_WINDOW + ARCHIVE_SPAN * rng.random()
    return (now - age).replace(second=0, microsecond=0)


def story_plan(
    *, seed: int, index: int, published_at: datetime | None, now: datetime, pools: StoryPools
) -> StoryPlan:
    """Plan story `index`; published_at None plans an unpublished story."""
    topic = story_topic(seed=seed, index=index)
    rng = random.Random(f"{seed}:story:{index}")
    lead = rng.choice(pools.photos.by_topic[topic.slug])
    inline = [pk for pk in pools.photos.by_section[topic.section] if pk != lead]
    turn = index // len(TOPICS)
    text = story_text_compose(topic=topic, rng=rng, turn=turn, image_ids=inline)
    desk = pools.authors_by_desk[topic.section]
    byline = tuple(rng.sample(desk, 2 if len(desk) > 1 and rng.random() < 0.25 else 1))
    plan = StoryPlan(
        index=index,
        topic=topic,
        text=text,
        slug=story_slug(title=text.title, index=index),
        author_ids=byline,
        lead_image_id=lead,
        first_published_at=published_at,
        last_published_at=published_at,
    )
    return _revisions_add(plan=plan, rng=rng, now=now) if published_at else plan


def _revisions_add(*, plan: StoryPlan, rng: random.Random, now: datetime) -> StoryPlan:
    """Make some stories updated after publication, a few of them with a printed notice."""
    roll = rng.random()
    if roll >= UPDATED_SHARE:
        return plan
    later = plan.first_published_at + timedelta(minutes=rng.randint(30, 20 * 60))
    updated_at = min(later, now - FRESHEST_AGE)
    if updated_at <= plan.first_published_at:
        return plan
    fields = {"last_published_at": updated_at}
    if roll < NOTICE_SHARE:
        kind = "correction" if roll < NOTICE_SHARE / 2 else "update"
        fields.update(
            notice_kind=kind,
            notice_text=notice_text_compose(kind=kind, topic=plan.topic, rng=rng),
            notice_date=updated_at,
        )
    return replace(plan, **fields)
