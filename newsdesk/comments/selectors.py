"""Reads of comments for the story page, the paged list and the moderators' dashboard."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q, Subquery
from django.utils import timezone

from newsdesk.articles.models import ArticlePage

from .models import Comment, CommentSettings, CommentThread
from .rules import story_closed, thread_mode

# What a reader's page needs; the e-mail address is never loaded for it.
PUBLIC_FIELDS = ["id", "page_id", "parent_id", "name", "text", "created_at"]


@dataclass
class CommentsPage:
    comments: list[Comment]
    count: int
    number: int
    has_next: bool
    is_open: bool
    is_premoderated: bool


def comments_page(
    *, page: ArticlePage, site_settings: CommentSettings, number: int = 1
) -> CommentsPage:
    """Return one page of a story's approved threads, oldest first, replies attached.

    A fixed number of queries whatever the number of comments: one page of
    top-level comments carrying the story's count, their replies, and the
    story's mode.
    """
    per_page = settings.NEWSDESK_COMMENTS_PER_PAGE
    visible = Comment.objects.filter(page=page).visible()
    total = visible.order_by().values("page").annotate(n=Count("pk")).values("n")
    start = (number - 1) * per_page
    top = list(
        visible.filter(parent__isnull=True)
        .only(*PUBLIC_FIELDS)
        .annotate(story_total=Subquery(total))[start : start + per_page + 1]
    )
    has_next = len(top) > per_page
    top = top[:per_page]
    replies: dict[int, list[Comment]] = {}
    if top:
        for reply in visible.filter(parent__in=[c.pk for c in top]).only(*PUBLIC_FIELDS):
            replies.setdefault(reply.parent_id, []).append(reply)
    for comment in top:
        comment.visible_replies = replies.get(comment.pk, [])
    mode = thread_mode(page=page)
    return CommentsPage(
        comments=top,
        # Past the last page no row carries the count: only then ask for it apart.
        count=top[0].story_total if top else (visible.count() if number > 1 else 0),
        number=number,
        has_next=has_next,
        is_open=not story_closed(
            page=page, site_settings=site_settings, mode=mode, now=timezone.now()
        ),
        is_premoderated=(
            site_settings.moderation == CommentSettings.Moderation.PRE
            or mode == CommentThread.Mode.PRE_MODERATED
        ),
    )


def comment_visible_get(*, comment_id: int, page_id: int | None = None) -> Comment | None:
    """Return an approved comment readers can see (to reply to or report), or None."""
    comments = Comment.objects.visible().filter(pk=comment_id)
    if page_id is not None:
        comments = comments.filter(page_id=page_id)
    return comments.only(*PUBLIC_FIELDS).first()


def comments_waiting_count() -> dict[str, int]:
    """Return how many comments wait for a moderator, and how many of them readers reported."""
    return Comment.objects.aggregate(
        held=Count("pk", filter=Q(status=Comment.Status.HELD)),
        reported=Count("pk", filter=Q(report_count__gt=0)),
    )


def story_published_get(*, page_id: int) -> ArticlePage | None:
    return ArticlePage.objects.published().filter(pk=page_id).first()
