"""Write the base demo's pages through the factories: sections, stories, drafts and schedules.

Published stories are created live in one save each, without a revision:
Wagtail's admin opens a page that has none, and skipping a revision and a
publish action per story is what keeps the base build to seconds.
"""

from datetime import datetime, timedelta

from newsdesk.articles.models import ArticlePage, Author, HomePage, NewsImage, SectionPage
from newsdesk.articles.tests.factories import (
    DRAFT,
    LIVE,
    SCHEDULED,
    ArticlePageFactory,
    SectionPageFactory,
)

from .stories import StoryPlan, StoryPools, recent_publication_time, story_plan
from .topics import SECTIONS

DRAFT_COUNT = 3
# Next week and next month, at the start of the morning shift.
SCHEDULE_DELAYS = (timedelta(days=7), timedelta(days=30))


def sections_ensure(*, home: HomePage) -> dict[str, SectionPage]:
    """Create the six sections that are missing under the home page; return all by slug."""
    existing = {s.slug: s for s in SectionPage.objects.child_of(home)}
    for section in SECTIONS:
        if section.slug not in existing:
            existing[section.slug] = SectionPageFactory(
                parent=home, title=section.title, slug=section.slug, intro=section.intro
            )
    return existing


def stories_ensure(
    *,
    seed: int,
    count: int,
    now: datetime,
    sections: dict[str, SectionPage],
    pools: StoryPools,
) -> int:
    """Create the missing base stories, drafts and scheduled stories; return how many."""
    taken = set(ArticlePage.objects.values_list("section_id", "slug"))
    plans = [
        story_plan(
            seed=seed,
            index=index,
            published_at=_published_at(seed=seed, index=index, count=count, now=now),
            now=now,
            pools=pools,
        )
        for index in range(count + DRAFT_COUNT + len(SCHEDULE_DELAYS))
    ]
    plans = [p for p in plans if (sections[p.topic.section].pk, p.slug) not in taken]
    authors = Author.objects.in_bulk({pk for p in plans for pk in p.author_ids})
    images = NewsImage.objects.in_bulk({p.lead_image_id for p in plans})
    for plan in plans:
        ArticlePageFactory(
            section=sections[plan.topic.section],
            authors=[authors[pk] for pk in plan.author_ids],
            lead_image=images[plan.lead_image_id],
            **_status(plan=plan, count=count, now=now),
            **_fields(plan),
        )
    return len(plans)


def _published_at(*, seed: int, index: int, count: int, now: datetime) -> datetime | None:
    if index >= count:
        return None
    return recent_publication_time(seed=seed, index=index, count=count, now=now)


def _status(*, plan: StoryPlan, count: int, now: datetime) -> dict:
    if plan.index < count:
        return {"status": LIVE, "revision": False}
    if plan.index < count + DRAFT_COUNT:
        return {"status": DRAFT}
    delay = SCHEDULE_DELAYS[plan.index - count - DRAFT_COUNT]
    go_live_at = (now + delay).replace(hour=6, minute=0, second=0, microsecond=0)
    return {"status": SCHEDULED, "go_live_at": go_live_at}


def _fields(plan: StoryPlan) -> dict:
    return {
        "title": plan.text.title,
        "slug": plan.slug,
        "deck": plan.text.deck,
        "body": plan.text.body,
        "tags": plan.text.tags,
        "first_published_at": plan.first_published_at,
        "last_published_at": plan.last_published_at,
        "notice_kind": plan.notice_kind,
        "notice_text": plan.notice_text,
        "notice_date": plan.notice_date,
    }
