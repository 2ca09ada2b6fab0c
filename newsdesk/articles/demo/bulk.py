"""Insert planned stories straight into the page tables, thousands per transaction.

Django's bulk_create refuses multi-table models, so the wagtailcore_page rows
go in through Page's bulk_create, which returns their ids, and the story,
author and tag rows through executemany. Tree paths are allocated as
treebeard would (steplen 4, base 36, after the section's last child). No
signals run: search indexing is left to the caller, and the reference index
and page history are not written, which the admin copes with.
"""

from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from taggit.models import Tag
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from newsdesk.articles.models import ArticleAuthor, ArticlePage, ArticleTag, SectionPage

from .stories import StoryPlan

BATCH_SIZE = 2000
# articles_articlepage's columns, in the order _story_row gives their values.
STORY_COLUMNS = (
    "page_ptr",
    "deck",
    "lead_image",
    "lead_image_caption",
    "body",
    "section",
    "notice_kind",
    "notice_text",
    "notice_date",
)


class ChildPaths:
    """Hand out treebeard paths for new children of one page, after its existing ones."""

    def __init__(self, parent: Page):
        self.parent = parent
        last = (
            Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        self.step = Page._str2int(last[-Page.steplen :]) if last else 0

    def next(self) -> str:
        self.step += 1
        return Page._get_path(self.parent.path, self.parent.depth + 1, self.step)


def _batches(items: Iterable[StoryPlan], size: int) -> Iterator[list[StoryPlan]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _tag_ids_add(tag_ids: dict[str, int], names: set[str]) -> None:
    """Map each of `names`, lower-cased as taggit compares them here, to a tag id."""
    missing = {n for n in names if n.lower() not in tag_ids}
    tag_ids.update((t.name.lower(), t.pk) for t in Tag.objects.filter(name__in=missing))
    for name in missing:
        if name.lower() not in tag_ids:
            tag_ids[name.lower()] = Tag.objects.create(name=name).pk


def _page(plan: StoryPlan, section: SectionPage, path: str, content_type_id: int) -> Page:
    # A plain Page: the story's own columns go in by hand, see _rows_insert.
    return Page(
        title=plan.text.title,
        draft_title=plan.text.title,
        slug=plan.slug,
        url_path=f"{section.url_path}{plan.slug}/",
        path=path,
        depth=section.depth + 1,
        numchild=0,
        content_type_id=content_type_id,
        locale_id=section.locale_id,
        live=True,
        has_unpublished_changes=False,
        first_published_at=plan.first_published_at,
        last_published_at=plan.last_published_at,
    )


def _story_row(page: Page, plan: StoryPlan, section_id: int) -> tuple:
    return (
        page.pk,
        plan.text.deck,
        plan.lead_image_id,
        "",  # the lead image's own caption serves
        plan.text.body,
        section_id,
        plan.notice_kind,
        plan.notice_text,
        plan.notice_date,
    )


def _rows_insert(model, names: tuple[str, ...], rows: list[tuple]) -> None:
    """INSERT rows through executemany, each value prepared by its model field.

    Model instances and the ORM's insert compiler cost more than the database
    itself at this volume; field preparation keeps values right on any backend.
    """
    fields = [model._meta.get_field(name) for name in names]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    sql = (
        f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    prepared = [
        tuple(f.get_db_prep_save(v, connection) for f, v in zip(fields, row, strict=True))
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, prepared)


def _batch_insert(
    plans: list[StoryPlan],
    sections: dict[str, SectionPage],
    paths: dict[str, ChildPaths],
    tag_ids: dict[str, int],
) -> list[int]:
    content_type_id = ContentType.objects.get_for_model(ArticlePage).pk
    pages = [
        _page(p, sections[p.topic.section], paths[p.topic.section].next(), content_type_id)
        for p in plans
    ]
    Page.objects.bulk_create(pages)
    pairs = list(zip(pages, plans, strict=True))
    _rows_insert(
        ArticlePage,
        STORY_COLUMNS,
        [_story_row(page, plan, sections[plan.topic.section].pk) for page, plan in pairs],
    )
    _rows_insert(
        ArticleAuthor,
        ("page", "author", "sort_order"),
        [(page.pk, a, order) for page, plan in pairs for order, a in enumerate(plan.author_ids)],
    )
    _rows_insert(
        ArticleTag,
        ("content_object", "tag"),
        [(page.pk, tag_ids[name.lower()]) for page, plan in pairs for name in plan.text.tags],
    )
    for slug, added in Counter(p.topic.section for p in plans).items():
        Page.objects.filter(pk=sections[slug].pk).update(numchild=F("numchild") + added)
    return [page.pk for page in pages]


def stories_bulk_insert(
    *, plans: Iterable[StoryPlan], sections: dict[str, SectionPage], batch_size: int = BATCH_SIZE
) -> list[int]:
    """Insert live stories for `plans` under their sections; return the new page ids.

    Each batch is its own transaction, so a long run keeps what it has done.
    The sections' numchild is refreshed afterwards for any later add_child.
    """
    paths = {slug: ChildPaths(section) for slug, section in sections.items()}
    tag_ids: dict[str, int] = {}
    ids: list[int] = []
    for batch in _batches(plans, batch_size):
        with transaction.atomic():
            _tag_ids_add(tag_ids, {n for p in batch for n in p.text.tags})
            ids += _batch_insert(batch, sections, paths, tag_ids)
    for section in sections.values():
        section.refresh_from_db(fields=["numchild"])
    return ids


def stories_index(*, ids: list[int], chunk_size: int = 1000) -> None:
    """Add the stories `ids` to the search index in chunks, as update_index would."""
    backend = get_search_backend()
    for start in range(0, len(ids), chunk_size):
        chunk = ArticlePage.objects.filter(pk__in=ids[start : start + chunk_size])
        backend.add_bulk(ArticlePage, list(chunk.prefetch_related("tags")))
