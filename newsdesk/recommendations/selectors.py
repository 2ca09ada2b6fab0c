"""Reads for related stories: the text the model compares, and the list a page shows."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from newsdesk.articles.models import ArticlePage
from newsdesk.articles.plain_text import body_plain_text

# Stories are read this many at a time, so a full rebuild holds no more than that in memory.
BATCH = 2000


@dataclass(frozen=True)
class StoryDocument:
    id: int
    first_published_at: datetime
    last_published_at: datetime
    text: str


FIELDS = (
    "pk",
    "title",
    "deck",
    "body",
    "section__title",
    "first_published_at",
    "last_published_at",
)


def _row_batches(ids) -> Iterator[list[tuple]]:
    stories = ArticlePage.objects.published().order_by("pk").values_list(*FIELDS)
    if ids is not None:
        ids = sorted(ids)
        for start in range(0, len(ids), BATCH):
            yield list(stories.filter(pk__in=ids[start : start + BATCH]))
        return
    last_pk = 0
    while rows := list(stories.filter(pk__gt=last_pk)[:BATCH]):
        yield rows
        last_pk = rows[-1][0]


def _tags_of(ids: list[int]) -> dict[int, str]:
    names: dict[int, list[str]] = {}
    for pk, name in ArticlePage.objects.filter(pk__in=ids, tags__isnull=False).values_list(
        "pk", "tags__name"
    ):
        names.setdefault(pk, []).append(name)
    return {pk: " ".join(words) for pk, words in names.items()}


def story_documents(*, ids=None) -> Iterator[StoryDocument]:
    """Yield the comparable text of published stories (all of them when ids is None).

    The headline and tags are repeated so that they weigh more than any one
    sentence of the body, as a reader would weigh them.
    """
    for rows in _row_batches(ids):
        tags = _tags_of([row[0] for row in rows])
        for pk, title, deck, body, section, first, last in rows:
            words = tags.get(pk, "")
            parts = [title, title, deck, words, words, section or "", body_plain_text(body)]
            yield StoryDocument(
                id=pk, first_published_at=first, last_published_at=last, text=" ".join(parts)
            )


def stories_published_stamps() -> dict[int, datetime]:
    """Return every published story's id with the time of its last publication."""
    return dict(ArticlePage.objects.published().values_list("pk", "last_published_at"))


def articles_related(*, story_id: int, limit: int) -> list[ArticlePage]:
    """Return a story's related list as stored, pins first, published stories only."""
    return list(
        ArticlePage.objects.published()
        .for_listing()
        .filter(related_in__story_id=story_id)
        .exclude(pk=story_id)
        .order_by("related_in__rank")[:limit]
    )
