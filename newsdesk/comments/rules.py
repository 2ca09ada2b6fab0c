"""The rules a new comment passes through, in order; each rejects, holds or lets it by.

Order: length, closed story, banned poster, duplicate, blocked words (reject);
suspect words, too many links, first comment from an unknown e-mail, spam score
(hold). A rule that fails with an error holds the comment: nothing is
published unchecked.
"""

import logging
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property

import regex
from django.conf import settings
from django.db.models import Q

from newsdesk.articles.models import ArticlePage

from .classifier import spam_score
from .models import Ban, Comment, CommentSettings, CommentThread
from .text import MAX_GRAPHEME_CODE_POINTS, text_length, text_link_count, text_longest_grapheme

logger = logging.getLogger(__name__)
FORMAT_CHARS = regex.compile(r"\p{Cf}")


@dataclass
class Submission:
    page: ArticlePage
    site_settings: CommentSettings
    name: str
    email_hash: str
    visitor_hash: str
    text: str
    now: datetime

    @cached_property
    def mode(self) -> str:
        return thread_mode(page=self.page)


@dataclass
class Verdict:
    rejection: str = ""
    holds: list[str] = field(default_factory=list)
    spam_score: float | None = None


class Reject(Exception):
    """Raised by a rule to refuse the comment, with the reason shown to the reader."""


def comparable(text: str) -> str:
    """Fold text for matching: compatibility forms, case, invisible characters, spacing."""
    folded = FORMAT_CHARS.sub("", unicodedata.normalize("NFKC", text)).casefold()
    return " ".join(folded.split())


def word_list(text: str) -> list[str]:
    return [w for w in (comparable(line) for line in text.splitlines()) if w]


def words_found(*, text: str, words: list[str]) -> list[str]:
    haystack = comparable(text)
    return [w for w in words if regex.search(rf"(?<!\w){regex.escape(w)}(?!\w)", haystack)]


def thread_mode(*, page: ArticlePage) -> str:
    """Return how a story takes comments; a story nobody set is open."""
    mode = CommentThread.objects.filter(page=page).values_list("mode", flat=True).first()
    return mode or CommentThread.Mode.OPEN


def story_closed(
    *, page: ArticlePage, site_settings: CommentSettings, mode: str, now: datetime
) -> bool:
    """Return whether a story takes no new comments: closed by hand or by age."""
    if mode == CommentThread.Mode.CLOSED:
        return True
    days = site_settings.close_after_days
    published = page.first_published_at
    return bool(days and published and now - published > timedelta(days=days))


def story_closes_in(
    *, page: ArticlePage, site_settings: CommentSettings, now: datetime
) -> timedelta | None:
    """Return how long until a story closes by age, or None when age will not close it now."""
    days = site_settings.close_after_days
    published = page.first_published_at
    if not (days and published):
        return None
    left = published + timedelta(days=days) - now
    return left if left > timedelta(0) else None


def rule_length(sub: Submission, verdict: Verdict) -> None:
    limit = settings.NEWSDESK_COMMENTS_MAX_LENGTH
    if not 0 < text_length(text=sub.text) <= limit:
        raise Reject(f"A comment is 1 to {limit} characters long.")
    if text_longest_grapheme(text=sub.text) > MAX_GRAPHEME_CODE_POINTS:
        raise Reject("Too many accents are stacked on one character.")


def rule_closed(sub: Submission, verdict: Verdict) -> None:
    if story_closed(page=sub.page, site_settings=sub.site_settings, mode=sub.mode, now=sub.now):
        raise Reject("Comments on this story are closed.")


def rule_banned(sub: Submission, verdict: Verdict) -> None:
    bans = Ban.objects.filter(
        Q(kind=Ban.Kind.EMAIL, value_hash=sub.email_hash)
        | Q(kind=Ban.Kind.VISITOR, value_hash=sub.visitor_hash)
    ).filter(Q(expires_at__isnull=True) | Q(expires_at__gt=sub.now))
    if bans.exists():
        raise Reject("You can no longer comment on this site.")


def rule_duplicate(sub: Submission, verdict: Verdict) -> None:
    since = sub.now - timedelta(seconds=settings.NEWSDESK_COMMENTS_DUPLICATE_WINDOW)
    recent = Comment.objects.filter(
        Q(visitor_hash=sub.visitor_hash) | Q(email_hash=sub.email_hash), created_at__gte=since
    ).values_list("text", flat=True)[:50]
    mine = comparable(sub.text)
    if any(comparable(text) == mine for text in recent):
        raise Reject("You have already posted this comment.")


def rule_blocked_words(sub: Submission, verdict: Verdict) -> None:
    if words_found(
        text=f"{sub.name}\n{sub.text}", words=word_list(sub.site_settings.blocked_words)
    ):
        raise Reject("Your comment uses words we do not publish. Please rephrase it.")


def rule_suspect_words(sub: Submission, verdict: Verdict) -> None:
    found = words_found(
        text=f"{sub.name}\n{sub.text}", words=word_list(sub.site_settings.suspect_words)
    )
    if found:
        verdict.holds.append(f"suspect words: {', '.join(found)}")


def rule_links(sub: Submission, verdict: Verdict) -> None:
    links = text_link_count(text=sub.text)
    if links > settings.NEWSDESK_COMMENTS_MAX_LINKS:
        verdict.holds.append(f"{links} links")


def rule_first_comment(sub: Submission, verdict: Verdict) -> None:
    if not settings.NEWSDESK_COMMENTS_HOLD_FIRST:
        return
    known = Comment.objects.filter(email_hash=sub.email_hash, status=Comment.Status.APPROVED)
    if not known.exists():
        verdict.holds.append("first comment from this e-mail")


def rule_spam_score(sub: Submission, verdict: Verdict) -> None:
    verdict.spam_score = spam_score(text=sub.text, name=sub.name)
    if (
        verdict.spam_score is not None
        and verdict.spam_score >= settings.NEWSDESK_COMMENTS_SPAM_THRESHOLD
    ):
        verdict.holds.append(f"spam score {verdict.spam_score:.2f}")


def rule_pre_moderation(sub: Submission, verdict: Verdict) -> None:
    if sub.site_settings.moderation == CommentSettings.Moderation.PRE:
        verdict.holds.append("pre-moderation (site)")
    elif sub.mode == CommentThread.Mode.PRE_MODERATED:
        verdict.holds.append("pre-moderation (story)")


RULES = [
    rule_length,
    rule_closed,
    rule_banned,
    rule_duplicate,
    rule_blocked_words,
    rule_suspect_words,
    rule_links,
    rule_first_comment,
    rule_spam_score,
    rule_pre_moderation,
]


def rules_run(*, submission: Submission) -> Verdict:
    """Run every rule in order; stop at the first rejection, collect every hold."""
    verdict = Verdict()
    for rule in RULES:
        try:
            rule(submission, verdict)
        except Reject as reject:
            verdict.rejection = str(reject)
            return verdict
        except Exception:
            logger.exception("Comment rule %s failed; holding the comment", rule.__name__)
            verdict.holds.append(f"check failed: {rule.__name__.removeprefix('rule_')}")
    return verdict
