"""Each moderation rule, in the order the issue lists them, through comment_submit."""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from newsdesk.articles.tests.factories import ArticlePageFactory
from newsdesk.comments import rules
from newsdesk.comments.models import Ban, Comment, CommentSettings, CommentThread
from newsdesk.comments.services import comment_submit, comments_decide
from newsdesk.comments.text import text_normalise

from .factories import CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_settings(story):
    return CommentSettings.for_site(story.get_site())


@pytest.fixture
def submit(story, site_settings, no_limits):
    counter = iter(range(10_000))

    def send(
        text="A fair point.", *, page=None, email="ada@readers.example", visitor="v1", name="Ada"
    ):
        return comment_submit(
            page=page or story,
            site_settings=site_settings,
            name=name,
            email=email,
            text=text_normalise(text=text),
            visitor=visitor,
            idempotency_key=f"key-{next(counter)}",
        )

    return send


def test_post_moderation_publishes_a_clean_comment(submit):
    result = submit()
    assert result.outcome == "published"
    assert result.comment.status == Comment.Status.APPROVED


def test_length_rule_refuses_empty_and_301_characters(submit):
    assert submit("").outcome == "rejected"
    assert submit("a" * 301).outcome == "rejected"
    assert submit("a" * 300).outcome == "published"


def test_a_closed_story_refuses_comments(submit, story):
    CommentThread.objects.create(page=story, mode=CommentThread.Mode.CLOSED)
    assert submit().message == "Comments on this story are closed."


def test_comments_close_by_themselves_after_n_days(submit, site_settings):
    site_settings.close_after_days = 3
    site_settings.save()
    old = ArticlePageFactory(first_published_at=timezone.now() - timedelta(days=4))
    assert submit(page=old).outcome == "rejected"
    recent = ArticlePageFactory(first_published_at=timezone.now() - timedelta(days=2))
    assert submit(page=recent).outcome == "published"


def test_a_duplicate_of_the_same_visitors_recent_comment_is_refused(submit):
    assert submit("Same words").outcome == "published"
    assert submit("same  WORDS").message == "You have already posted this comment."
    assert submit("Same words", email="bo@readers.example", visitor="v2").outcome == "published"


def test_blocked_words_are_refused_even_hidden_by_invisible_characters(submit, site_settings):
    site_settings.blocked_words = "Scumbag\nbad phrase"
    site_settings.save()
    assert submit("You scum\u200bbag").outcome == "rejected"
    assert submit("What a BAD phrase!").outcome == "rejected"
    assert submit("Scumbags aside", name="Scumbag").outcome == "rejected"
    assert submit("Perfectly civil").outcome == "published"


def test_suspect_words_hold_the_comment(submit, site_settings):
    site_settings.suspect_words = "casino"
    site_settings.save()
    result = submit("Visit my casino")
    assert result.outcome == "held"
    assert "suspect words: casino" in result.comment.hold_reasons


def test_more_links_than_allowed_hold_the_comment(submit, settings):
    assert submit("One link https://example.org").outcome == "published"
    result = submit("Two https://a.example and www.b.example")
    assert result.outcome == "held"
    assert result.comment.hold_reasons == "2 links"


def test_a_first_comment_from_an_unknown_email_is_held(submit, settings):
    settings.NEWSDESK_COMMENTS_HOLD_FIRST = True
    first = submit("Hello")
    assert first.outcome == "held"
    assert first.comment.hold_reasons == "first comment from this e-mail"
    comments_decide(comment_ids=[first.comment.pk], status=Comment.Status.APPROVED, user=None)
    assert submit("Hello again").outcome == "published"


def test_the_classifier_holds_what_moderators_taught_it_is_spam(submit):
    spam = [CommentFactory(text=f"cheap pills casino bonus win {n}") for n in range(6)]
    ham = [CommentFactory(text=f"the council should fund the sea wall {n}") for n in range(6)]
    comments_decide(comment_ids=[c.pk for c in spam], status=Comment.Status.SPAM, user=None)
    comments_decide(comment_ids=[c.pk for c in ham], status=Comment.Status.APPROVED, user=None)
    result = submit("casino bonus and cheap pills")
    assert result.outcome == "held"
    assert result.comment.spam_score > 0.9
    assert submit("the sea wall needs the council").outcome == "published"


def test_a_changed_decision_is_unlearnt(submit):
    comments = [CommentFactory(text=f"lottery winner claim {n}") for n in range(6)]
    ids = [c.pk for c in comments]
    comments_decide(comment_ids=ids, status=Comment.Status.SPAM, user=None)
    comments_decide(comment_ids=ids, status=Comment.Status.APPROVED, user=None)
    from newsdesk.comments.models import SpamToken

    lottery = SpamToken.objects.get(token="lottery")
    assert (lottery.spam, lottery.ham) == (0, 6)


def test_a_rule_that_fails_holds_the_comment(submit):
    with mock.patch.object(rules, "spam_score", side_effect=RuntimeError("model broken")):
        result = submit("Anything at all")
    assert result.outcome == "held"
    assert result.comment.hold_reasons == "check failed: spam_score"


def test_pre_moderation_for_the_site_or_one_story_holds_everything(submit, story, site_settings):
    CommentThread.objects.create(page=story, mode=CommentThread.Mode.PRE_MODERATED)
    assert submit("held by the story").comment.hold_reasons == "pre-moderation (story)"
    site_settings.moderation = CommentSettings.Moderation.PRE
    site_settings.save()
    other = ArticlePageFactory()
    assert submit("held by the site", page=other).outcome == "held"


def test_a_banned_email_or_visitor_cannot_comment(submit):
    from newsdesk.comments.identity import email_hash

    Ban.objects.create(
        kind=Ban.Kind.EMAIL, value_hash=email_hash(email="Troll@x.example"), label="t"
    )
    assert submit(email="troll@x.example").outcome == "rejected"
    Ban.objects.create(kind=Ban.Kind.VISITOR, value_hash="v9", label="v")
    assert submit(visitor="v9", email="new@x.example").outcome == "rejected"
    Ban.objects.create(
        kind=Ban.Kind.VISITOR, value_hash="v8", label="old", expires_at=timezone.now()
    )
    assert submit(visitor="v8", email="new@x.example").outcome == "published"
