"""Write the base demo's pages: sections, published stories, drafts and scheduled stories.

Published stories go in through the bulk path and are indexed once at the
end: one Wagtail save each, with its search, reference-index and tree work,
took over 100 ms a story. Wagtail's admin opens a page without revisions.
Drafts and scheduled stories go through the factories, since their
revisions are the point of them.
"""

from datetime import datetime, timedelta

from newsdesk.articles.models import ArticlePage, Author, HomePage, NewsImage, SectionPage
from newsdesk.articles.tests.factories import (
    DRAFT,
    SCHEDULED,
    ArticlePageFactory,
    SectionPageFactory,
)

from .bulk import stories_bulk_insert, stories_index
from .stories import (
    StoryPlan,
    StoryPools,
    recent_publication_time,
    story_index,
    story_plan,
)
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
    # Keyed by story index, not slug, so reworded templates do not add a second set.
    taken = {
        (section_id, story_index(slug=slug))
        for section_id, slug in ArticlePage.objects.values_list("section_id", "slug")
    }
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
    plans = [p for p in plans if (sections[p.topic.section].pk, p.index) not in taken]
    published = [p for p in plans if p.index < count]
    stories_index(ids=stories_bulk_insert(plans=published, sections=sections))
    unpublished = [p for p in plans if p.index >= count]
    authors = Author.objects.in_bulk({pk for p in unpublished for pk in p.author_ids})
    images = NewsImage.objects.in_bulk({p.lead_image_id for p in unpublished})
    for plan in unpublished:
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
