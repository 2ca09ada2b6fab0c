"""Writes on comments: submitting, reporting, moderating, banning; each refreshes its story."""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.log_actions import log

from newsdesk.articles.models import ArticlePage
from newsdesk.articles.page_cache import story_page_refresh

from .classifier import spam_learn
from .identity import email_hash, email_normalise
from .models import Ban, Comment, CommentSettings, Report
from .ratelimit import rate_limit_hit
from .rules import Submission, rules_run

logger = logging.getLogger(__name__)

PUBLISHED, HELD, REJECTED, LIMITED = "published", "held", "rejected", "limited"
MESSAGES = {
    PUBLISHED: "Thank you: your comment is published.",
    HELD: "Thank you: your comment will appear once a moderator has read it.",
}
LEARN_AS = {Comment.Status.APPROVED: "ham", Comment.Status.SPAM: "spam"}
# Wagtail's audit log ("Site history") action for each decision; wagtail_hooks.py registers them.
LOG_ACTIONS = {
    Comment.Status.APPROVED: "comments.approve",
    Comment.Status.REJECTED: "comments.reject",
    Comment.Status.SPAM: "comments.spam",
    "ban": "comments.ban",
}


@dataclass
class SubmitResult:
    outcome: str
    message: str
    comment: Comment | None = None
    retry_after: int = 0


def story_refresh(*, page_id: int) -> None:
    """Make a story show its comments as they are now, once the change is committed.

    Clears the story's page from the page cache and from a front cache (CDN,
    proxy) configured in WAGTAILFRONTENDCACHE.
    """
    story_page_refresh(page_id=page_id)


def _result_of(comment: Comment) -> SubmitResult:
    outcome = PUBLISHED if comment.status == Comment.Status.APPROVED else HELD
    return SubmitResult(outcome=outcome, message=MESSAGES[outcome], comment=comment)


def comment_submit(
    *,
    page: ArticlePage,
    site_settings: CommentSettings,
    name: str,
    email: str,
    text: str,
    visitor: str,
    idempotency_key: str,
    parent: Comment | None = None,
) -> SubmitResult:
    """Store a reader's comment once, published or held by the rules, or say why not.

    A repeated submission (same idempotency key) returns the first one's outcome
    before any limit or rule runs, so a double click never looks like an error.
    """
    existing = Comment.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return _result_of(existing)
    hashed_email = email_hash(email=email)
    wait = rate_limit_hit(keys=[f"visitor:{visitor}", f"email:{hashed_email}"])
    if wait:
        message = f"You are commenting too fast. Please wait {wait} seconds and send it again."
        return SubmitResult(outcome=LIMITED, message=message, retry_after=wait)
    now = timezone.now()
    verdict = rules_run(
        submission=Submission(
            page=page,
            site_settings=site_settings,
            name=name,
            email_hash=hashed_email,
            visitor_hash=visitor,
            text=text,
            now=now,
        )
    )
    if verdict.rejection:
        return SubmitResult(outcome=REJECTED, message=verdict.rejection)
    status = Comment.Status.HELD if verdict.holds else Comment.Status.APPROVED
    try:
        with transaction.atomic():
            comment = Comment.objects.create(
                page=page,
                parent=parent,
                name=name,
                email=email_normalise(email=email),
                email_hash=hashed_email,
                visitor_hash=visitor,
                text=text,
                status=status,
                hold_reasons="; ".join(verdict.holds)[:500],
                spam_score=verdict.spam_score,
                idempotency_key=idempotency_key,
                created_at=now,
            )
    except IntegrityError:
        # The same submission arrived twice at once; the other request stored it.
        return _result_of(Comment.objects.get(idempotency_key=idempotency_key))
    if status == Comment.Status.APPROVED:
        story_refresh(page_id=page.pk)
    return _result_of(comment)


@transaction.atomic
def comments_decide(*, comment_ids: list[int], status: str, user) -> int:
    """Approve, reject or mark comments as spam; settle their reports and teach the classifier."""
    comments = list(Comment.objects.select_for_update().filter(pk__in=comment_ids))
    for comment in comments:
        learnt = LEARN_AS.get(status, comment.trained_as)
        spam_learn(text=comment.text, name=comment.name, was=comment.trained_as, now=learnt)
        comment.trained_as = learnt
        comment.status = status
        comment.report_count = 0
        comment.decided_at = timezone.now()
        comment.decided_by = user
    Comment.objects.bulk_update(
        comments, ["status", "trained_as", "report_count", "decided_at", "decided_by"]
    )
    Report.objects.filter(comment__in=comments).update(resolved=True)
    for comment in comments:
        log(instance=comment, action=LOG_ACTIONS[status], user=user)
    for page_id in {c.page_id for c in comments}:
        story_refresh(page_id=page_id)
    return len(comments)


@transaction.atomic
def posters_ban(*, comment_ids: list[int], user, visitor_days: int = 30) -> int:
    """Ban the e-mail addresses and visitors behind comments, and reject those comments.

    A visitor is a hashed IP address, which others may share later, so that ban expires.
    """
    comments = list(Comment.objects.filter(pk__in=comment_ids))
    expires = timezone.now() + timedelta(days=visitor_days)
    for comment in comments:
        Ban.objects.get_or_create(
            kind=Ban.Kind.EMAIL,
            value_hash=comment.email_hash,
            defaults={"label": comment.email, "created_by": user},
        )
        Ban.objects.update_or_create(
            kind=Ban.Kind.VISITOR,
            value_hash=comment.visitor_hash,
            defaults={
                "label": f"who wrote comment {comment.pk} ({comment.name})"[:300],
                "created_by": user,
                "expires_at": expires,
            },
        )
    for comment in comments:
        log(instance=comment, action=LOG_ACTIONS["ban"], user=user)
    comments_decide(comment_ids=comment_ids, status=Comment.Status.REJECTED, user=user)
    return len(comments)


def comment_report(*, comment: Comment, reporter: str, reason: str) -> bool:
    """Record one reader's report; at K distinct reports an approved comment is hidden.

    Returns False when this reader had already reported the comment.
    """
    with transaction.atomic():
        _, created = Report.objects.get_or_create(
            comment=comment, reporter_hash=reporter, defaults={"reason": reason}
        )
        if not created:
            return False
        Comment.objects.filter(pk=comment.pk).update(report_count=F("report_count") + 1)
        hidden = Comment.objects.filter(
            pk=comment.pk,
            status=Comment.Status.APPROVED,
            report_count__gte=settings.NEWSDESK_COMMENTS_REPORTS_TO_HIDE,
        ).update(status=Comment.Status.HELD, hold_reasons="reported by readers")
    if hidden:
        story_refresh(page_id=comment.page_id)
    return True
