"""A local spam classifier that learns from the moderators' decisions; no network.

Naive Bayes over which tokens a comment contains (Bernoulli, Laplace-smoothed),
with token counts in the database so every app process shares what was learnt.
"Approve" teaches ham, "Spam" teaches spam; a changed decision is unlearnt
first. Scoring reads only the rows for the comment's own tokens: one query.
"""

import math
from urllib.parse import urlsplit

import regex
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Greatest

from .models import SpamToken
from .text import URL

# Counts of the documents learnt from, kept beside the tokens ('#' never occurs in a token).
DOCS = "#docs"
WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'_-]{1,30}")
MAX_TOKENS = 200
# Below this many examples of either kind the classifier has no opinion.
MIN_DOCS = 5


def spam_tokens(*, text: str, name: str = "") -> set[str]:
    """Return the features of a comment: its words, link hosts and a few shape markers."""
    tokens = {w.casefold() for w in WORD.findall(text)}
    tokens |= {f"name:{w.casefold()}" for w in WORD.findall(name)}
    hosts = {urlsplit(u).hostname or "" for u in URL.findall(text)}
    tokens |= {f"host:{h}" for h in hosts if h}
    if hosts:
        tokens.add("shape:link")
    letters = [c for c in text if c.isalpha()]
    if len(letters) > 10 and sum(c.isupper() for c in letters) > 0.7 * len(letters):
        tokens.add("shape:shouting")
    return set(sorted(tokens)[:MAX_TOKENS])


def spam_score(*, text: str, name: str = "") -> float | None:
    """Return the probability (0-1) that a comment is spam, or None before enough learning."""
    tokens = spam_tokens(text=text, name=name)
    rows = {r.token: r for r in SpamToken.objects.filter(token__in=[*tokens, DOCS])}
    docs = rows.pop(DOCS, None)
    if docs is None or docs.spam < MIN_DOCS or docs.ham < MIN_DOCS:
        return None
    log_odds = math.log(docs.spam / docs.ham)
    for row in rows.values():
        log_odds += math.log((row.spam + 1) / (docs.spam + 2))
        log_odds -= math.log((row.ham + 1) / (docs.ham + 2))
    log_odds = max(-50.0, min(50.0, log_odds))
    return 1 / (1 + math.exp(-log_odds))


def _count(*, tokens: set[str], field: str, step: int) -> None:
    names = [*tokens, DOCS]
    SpamToken.objects.bulk_create([SpamToken(token=t) for t in names], ignore_conflicts=True)
    SpamToken.objects.filter(token__in=names).update(**{field: Greatest(F(field) + step, 0)})


@transaction.atomic
def spam_learn(*, text: str, name: str, was: str, now: str) -> None:
    """Move one comment's tokens from what it was learnt as ('', 'ham', 'spam') to `now`."""
    if was == now:
        return
    tokens = spam_tokens(text=text, name=name)
    if was:
        _count(tokens=tokens, field=was, step=-1)
    if now:
        _count(tokens=tokens, field=now, step=1)
