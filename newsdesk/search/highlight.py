"""Show readers where their words matched: a passage of the story with the words marked."""

import re

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

WORD = re.compile(r"\w+")
# Characters of context kept before the first match, and the passage's length.
LEAD_IN = 80
PASSAGE = 240


def query_terms(query: str) -> list[str]:
    """Return the query's words of two characters or more, lower-cased, once each, longest first.

    A lone letter would have to appear as a word of its own in every result.
    """
    words = {w.lower() for w in WORD.findall(query) if len(w) > 1}
    return sorted(words, key=len, reverse=True)


def _pattern(terms: list[str]) -> re.Pattern | None:
    if not terms:
        return None
    # A word starting with a term counts, so "election" marks "elections" too.
    return re.compile(r"\b(?:" + "|".join(map(re.escape, terms)) + r")\w*", re.IGNORECASE)


def text_mark(*, text: str, terms: list[str]) -> SafeString:
    """Escape the text, then wrap each word that starts with a term in <mark>."""
    pattern = _pattern(terms)
    if pattern is None:
        return conditional_escape(text)
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(conditional_escape(text[position : match.start()]))
        parts.append(f"<mark>{conditional_escape(match.group())}</mark>")
        position = match.end()
    parts.append(conditional_escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 # nosec B308 B703 # nosemgrep: newsdesk-mark-safe - every piece of text above is escaped


def _passage_start(text: str, position: int) -> int:
    if position <= LEAD_IN:
        return 0
    # Start at the matched sentence when it begins close enough, else a few words back.
    sentence = text.rfind(". ", 0, position) + 2
    if sentence >= 2 and position - sentence <= 2 * LEAD_IN:
        return sentence
    return text.rfind(" ", 0, position - LEAD_IN) + 1


def snippet_mark(*, text: str, terms: list[str]) -> SafeString:
    """Return a passage around the first matched word, escaped, with the terms marked."""
    pattern = _pattern(terms)
    match = pattern.search(text) if pattern else None
    start = _passage_start(text, match.start()) if match else 0
    end = start + PASSAGE
    if end < len(text) and " " in text[start:end]:
        end = text.rfind(" ", start, end)
    marked = text_mark(text=text[start:end].strip(), terms=terms)
    before = "… " if start > 0 else ""
    after = " …" if end < len(text) else ""
    return mark_safe(f"{before}{marked}{after}")  # noqa: S308 # nosec B308 B703 # nosemgrep: newsdesk-mark-safe - marked is escaped
