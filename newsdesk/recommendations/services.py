"""Writes of related-story lists: queueing, the worker's job and the full rebuild."""

import time
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from newsdesk.articles.models import ArticlePage
from newsdesk.core.pagecache import pages_invalidate

from .engine import Recency
from .index import StoryIndex, index_current, index_fit, index_save
from .models import RelatedPending, RelatedPin, RelatedStory

# Computed entries stored per story beyond the five shown, so that a story
# withdrawn later leaves the list still full without a recomputation.
STORED = 10
PENDING_BATCH = 200
REBUILD_BATCH = 2000


def _recency() -> Recency:
    return Recency(
        weight=settings.NEWSDESK_RELATED_RECENCY_WEIGHT,
        half_life_days=settings.NEWSDESK_RELATED_HALF_LIFE_DAYS,
    )


def related_mark_pending(*, story_ids) -> None:
    """Queue stories for the worker to recompute; all that a publish or a pin edit costs."""
    now = timezone.now()
    RelatedPending.objects.bulk_create(
        [RelatedPending(story_id=story_id, marked_at=now) for story_id in story_ids],
        update_conflicts=True,
        unique_fields=["story"],
        update_fields=["marked_at"],
    )


def _pins_of(story_ids) -> dict[int, list[int]]:
    pins: dict[int, list[int]] = {}
    for story_id, related_id in (
        RelatedPin.objects.filter(pins__story_id__in=story_ids)
        .order_by("pins__story_id", "sort_order")
        .values_list("pins__story_id", "related_id")
    ):
        pins.setdefault(story_id, []).append(related_id)
    return pins


@transaction.atomic
def related_lists_write(*, story_ids, computed: dict[int, list[tuple[int, float]]]) -> None:
    """Replace the stored lists of `story_ids`: their pins first, then computed stories."""
    story_ids = list(story_ids)
    pins = _pins_of(story_ids)
    rows = []
    for story_id in story_ids:
        pinned = [pk for pk in dict.fromkeys(pins.get(story_id, [])) if pk != story_id]
        rows += [
            RelatedStory(story_id=story_id, related_id=pk, rank=rank, pinned=True)
            for rank, pk in enumerate(pinned)
        ]
        others = [(pk, s) for pk, s in computed.get(story_id, []) if pk not in pinned]
        rows += [
            RelatedStory(story_id=story_id, related_id=pk, rank=rank, score=score)
            for rank, (pk, score) in enumerate(others[:STORED], start=len(pinned))
        ]
    RelatedStory.objects.filter(story_id__in=story_ids).delete()
    RelatedStory.objects.bulk_create(rows, batch_size=1000)
    # Each list shows on its story's own page only, which must show it from now on.
    pages_invalidate(tags={f"page-{story_id}" for story_id in story_ids})


def _lists_compute(*, index: StoryIndex, story_ids) -> dict[int, list[tuple[int, float]]]:
    return index.vectors.related(ids=list(story_ids), limit=STORED, recency=_recency())


def related_pending_process() -> int:
    """Recompute the queued stories' lists, and those of their closest stories.

    The worker runs this every NEWSDESK_WORKER_INTERVAL seconds. A new story
    belongs in the lists of the stories it is closest to, so those are redone
    too. Returns how many queued stories were handled.
    """
    pending = list(RelatedPending.objects.order_by("marked_at")[:PENDING_BATCH])
    if not pending:
        return 0
    index = index_current()
    queued = [p.story_id for p in pending]
    computed = _lists_compute(index=index, story_ids=queued)
    neighbours = {pk for found in computed.values() for pk, _ in found} - set(queued)
    computed |= _lists_compute(index=index, story_ids=neighbours)
    related_lists_write(story_ids=[*queued, *neighbours], computed=computed)
    # A story marked again while this ran keeps its newer mark and is done next time.
    RelatedPending.objects.filter(
        story_id__in=queued, marked_at__lte=max(p.marked_at for p in pending)
    ).delete()
    return len(pending)


@dataclass(frozen=True)
class RebuildReport:
    stories: int
    fit_seconds: float
    lists_seconds: float


def related_rebuild() -> RebuildReport:
    """Refit the model on every published story and recompute every stored list."""
    started = time.monotonic()
    marked_before = timezone.now()
    index = index_fit()
    index_save(index)
    fitted = time.monotonic()
    story_ids = [int(pk) for pk in index.vectors.ids]
    for start in range(0, len(story_ids), REBUILD_BATCH):
        batch = story_ids[start : start + REBUILD_BATCH]
        related_lists_write(story_ids=batch, computed=_lists_compute(index=index, story_ids=batch))
    RelatedStory.objects.exclude(story_id__in=ArticlePage.objects.published().values("pk")).delete()
    RelatedPending.objects.filter(marked_at__lt=marked_before).delete()
    return RebuildReport(
        stories=len(story_ids),
        fit_seconds=fitted - started,
        lists_seconds=time.monotonic() - fitted,
    )
