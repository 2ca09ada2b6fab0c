"""Demo comments in every moderation state, built from the test factories with a fixed seed."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from newsdesk.articles.models import ArticlePage

from .models import Comment, CommentSettings, CommentThread
from .services import comment_report, comments_decide
from .tests.factories import CommentFactory

DEMO_KEY = "demo-"
READERS = ["Ines", "Tomasz", "Priya", "Kwame", "Hana", "Luis", "Olga", "Sam", "Yuki", "Noor"]
FAIR = [
    "This matches what we saw in our town last spring.",
    "Good reporting. I would like to know who pays for the repairs.",
    "The numbers in the third paragraph look low to me; is there a source?",
    "My grandparents lived through the same thing in 1953.\nNothing seems to change.",
    "Thank you for covering this; local papers have gone quiet about it.",
    "Does anyone know whether the council meeting is open to the public?",
    "A balanced piece. The quote from the engineer says it all.",
    "I disagree with the conclusion, but the facts are well laid out.",
    "More of this, please: the full report is worth reading too, https://example.org/report",
    "Sharing this with my neighbours. 👍🏽",
]
REPLIES = [
    "Agreed, and the same goes for the bridge.",
    "The source is the ministry's annual report, page 12.",
    "Yes, the meetings are public; the agenda is online a week before.",
]
SPAM = [
    "Earn 500 a day from home!!! Visit http://quick-cash.example and http://more.example now",
    "Cheap pills, no prescription, best casino bonus http://pills.example",
    "CRYPTO GIVEAWAY SEND 1 COIN GET 2 BACK http://coins.example",
    "Best casino bonus today, free spins http://spins.example",
    "Work from home and earn cash fast http://quick-cash.example",
]
RUDE = ["What a stupid article, written by idiots.", "Nobody cares, go away."]
SUSPECT_WORDS = "casino\ncrypto giveaway"


def _comment(rng, story, text, **kwargs):
    kwargs.setdefault("created_at", timezone.now() - timedelta(minutes=rng.randint(60, 4000)))
    return CommentFactory(
        page=story,
        name=rng.choice(READERS),
        text=text,
        idempotency_key=f"{DEMO_KEY}{rng.getrandbits(64):016x}",
        **kwargs,
    )


@transaction.atomic
def demo_comments_build(*, stories: int = 8, seed: int = 4) -> int:
    """Add comments to the newest stories unless demo comments exist; return how many were added."""
    if Comment.objects.filter(idempotency_key__startswith=DEMO_KEY).exists():
        return 0
    rng = random.Random(seed)
    settings_row = CommentSettings.objects.first()
    if settings_row is not None and not settings_row.suspect_words:
        settings_row.suspect_words = SUSPECT_WORDS
        settings_row.save(update_fields=["suspect_words"])
    added = []
    for number, story in enumerate(ArticlePage.objects.published().newest_first()[:stories]):
        fair = [_comment(rng, story, text) for text in rng.sample(FAIR, 4 + number % 3)]
        added += fair
        first = min(fair, key=lambda c: c.created_at)
        reply_at = first.created_at + timedelta(minutes=rng.randint(1, 50))
        added += [_comment(rng, story, rng.choice(REPLIES), parent=first, created_at=reply_at)]
        added += [
            _comment(
                rng,
                story,
                rng.choice(FAIR),
                status=Comment.Status.HELD,
                hold_reasons="first comment from this e-mail",
            )
        ]
        spam = _comment(rng, story, SPAM[number % len(SPAM)], status=Comment.Status.HELD)
        rude = _comment(rng, story, rng.choice(RUDE), status=Comment.Status.HELD)
        added += [spam, rude]
        comments_decide(comment_ids=[c.pk for c in fair], status=Comment.Status.APPROVED, user=None)
        # Most spam is decided, so the classifier has learnt; the last stories keep some held.
        if number < stories - 2:
            comments_decide(comment_ids=[spam.pk], status=Comment.Status.SPAM, user=None)
            comments_decide(comment_ids=[rude.pk], status=Comment.Status.REJECTED, user=None)
        reported = fair[-1]
        for reader in range(1 + number % 3):
            comment_report(comment=reported, reporter=f"demo-reader-{reader}", reason="abusive")
    modes = [CommentThread.Mode.PRE_MODERATED, CommentThread.Mode.CLOSED]
    for story, mode in zip(
        ArticlePage.objects.published().newest_first()[1:3], modes, strict=False
    ):
        CommentThread.objects.get_or_create(page=story, defaults={"mode": mode})
    return len(added)
