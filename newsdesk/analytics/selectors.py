"""Popular Now, Weekly Best and view counts, as stories.

The store ranks article ids; these selectors apply the editorial rules
(published, first published in the last 7 days, not kept out, pins) on a
small over-fetch and load the stories in one query,
keeping the store's order. Cost grows with k, not with the number of stories.
"""

import time
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from newsdesk.articles.models import ArticlePage, SectionPage

from .models import RankingOverride
from .store import read_store

WEEK = timedelta(days=7)
# Rounds of over-fetching before giving up on filling a list (each fetches 4x more).
MAX_ROUNDS = 4
# A section's Weekly Best looks at no more than its newest stories of the week.
SECTION_CANDIDATES = 500


@dataclass
class Ranked:
    story: ArticlePage
    reads: float = 0
    place: int | None = None  # an editor's pin: its place in the list, 1 the top


@dataclass
class Overrides:
    kept_out: set[int]
    pins: dict[int, int]


def overrides_active(*, ranking: str) -> Overrides:
    rows = RankingOverride.objects.filter(
        Q(ranking=ranking) | Q(ranking=RankingOverride.BOTH),
        Q(until__isnull=True) | Q(until__gt=timezone.now()),
    ).values_list("story_id", "action", "position")
    kept_out = {story for story, action, _ in rows if action == RankingOverride.KEEP_OUT}
    pins = {s: p for s, a, p in rows if a == RankingOverride.PIN and s not in kept_out}
    return Overrides(kept_out=kept_out, pins=pins)


def _eligible(*, this_week: bool):
    stories = ArticlePage.objects.published().for_listing()
    if this_week:
        stories = stories.filter(first_published_at__gte=timezone.now() - WEEK)
    return stories


def _ranking(*, fetch, limit: int, ranking: str) -> list[Ranked]:
    overrides = overrides_active(ranking=ranking)
    skip = overrides.kept_out | set(overrides.pins)
    # A pin is the editors' choice: any published story, whatever its age.
    pinned = (
        _eligible(this_week=False).filter(pk__in=list(overrides.pins)) if overrides.pins else []
    )
    pins = [Ranked(story=s, place=overrides.pins[s.pk]) for s in pinned]
    ranked: list[Ranked] = []
    offset, batch = 0, max(2 * limit, 10)
    eligible = _eligible(this_week=True)
    for _ in range(MAX_ROUNDS):
        top = fetch(offset=offset, limit=batch)
        ids = [article_id for article_id, _ in top if article_id not in skip]
        found = {story.pk: story for story in eligible.filter(pk__in=ids)}
        ranked += [Ranked(story=found[a], reads=r) for a, r in top if a in found]
        if len(ranked) >= limit or len(top) < batch:
            break
        offset, batch = offset + batch, batch * 4
    return _fill(ranked=ranked, pins=pins, limit=limit)


def _fill(*, ranked: list[Ranked], pins: list[Ranked], limit: int) -> list[Ranked]:
    """Put pins at their places (the next free one if taken) and the ranked stories around."""
    slots: list[Ranked | None] = [None] * limit
    for pin in sorted(pins, key=lambda p: (p.place, -p.story.pk)):
        place = min(pin.place, limit) - 1
        while place < limit and slots[place] is not None:
            place += 1
        if place < limit:
            slots[place] = pin
    rest = iter(ranked)
    filled = [slot if slot is not None else next(rest, None) for slot in slots]
    return [entry for entry in filled if entry is not None]


def popular_now_ranked(*, limit: int) -> list[Ranked]:
    """Return Popular Now with each story's decayed read count, pins in their places."""
    now = time.time()
    store = read_store()

    def fetch(*, offset, limit):
        return store.top_popular(offset=offset, limit=limit, now=now)

    return _ranking(fetch=fetch, limit=limit, ranking=RankingOverride.POPULAR_NOW)


def weekly_best_ranked(*, limit: int) -> list[Ranked]:
    """Return Weekly Best with each story's reads in the window, pins in their places."""
    return _ranking(
        fetch=read_store().top_weekly,
        limit=limit,
        ranking=RankingOverride.WEEKLY_BEST,
    )


def section_weekly_best_ranked(*, section: SectionPage, limit: int) -> list[Ranked]:
    """Return a section's Weekly Best, ranked among its stories of the last 7 days.

    Candidates come from the page table (the section's week, newest first and
    capped), so a small section is not starved by a site-wide top list.
    """
    overrides = overrides_active(ranking=RankingOverride.WEEKLY_BEST)
    candidates = list(
        _eligible(this_week=True)
        .filter(section=section)
        .exclude(pk__in=overrides.kept_out)
        .newest_first()
        .values_list("pk", flat=True)[:SECTION_CANDIDATES]
    )
    counts = read_store().weekly_of(article_ids=candidates)
    wanted = sorted((a for a in counts if a not in overrides.pins), key=lambda a: (-counts[a], -a))
    wanted = wanted[:limit]
    found = {s.pk: s for s in _eligible(this_week=True).filter(pk__in=wanted)}
    ranked = [Ranked(story=found[a], reads=counts[a]) for a in wanted if a in found]
    pinned = (
        _eligible(this_week=False).filter(section=section, pk__in=list(overrides.pins))
        if overrides.pins
        else []
    )
    pins = [Ranked(story=s, place=overrides.pins[s.pk]) for s in pinned]
    return _fill(ranked=ranked, pins=pins, limit=limit)


def articles_popular_now(*, limit: int = 5) -> list[ArticlePage]:
    """Return the week's stories most read lately, decayed (formula: docs/architecture.md)."""
    return [entry.story for entry in popular_now_ranked(limit=limit)]


def articles_weekly_best(
    *, limit: int = 5, section: SectionPage | None = None
) -> list[ArticlePage]:
    """Return the most read stories of those first published in the last 7 days."""
    if section is not None:
        return [e.story for e in section_weekly_best_ranked(section=section, limit=limit)]
    return [entry.story for entry in weekly_best_ranked(limit=limit)]


def story_views(*, article_id: int) -> int:
    """Return a story's all-time read count."""
    return read_store().views(article_ids=[article_id]).get(article_id, 0)
