"""Comment text as a reader sees it: one normalisation, one length, one rendering.

static/comments/comments.js repeats normalise() and the grapheme count with
Intl.Segmenter, so the counter under the box and the server agree exactly;
tests/test_browser.py checks both sides on the same strings.
"""

import unicodedata

import regex
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# C0 and C1 controls except tab and line feed; never wanted, and PostgreSQL refuses NUL.
CONTROLS = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Whitespace trimmed from both ends, spelled out so JavaScript's trim() differences don't matter.
EDGE_SPACE = r"[\t\n \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
EDGES = regex.compile(rf"^{EDGE_SPACE}+|{EDGE_SPACE}+$")
GRAPHEME = regex.compile(r"\X")
# Links become anchors only for http(s); anything else (javascript:, data:) stays text.
URL = regex.compile(r"https?://[^\s<>\"'`]+", regex.IGNORECASE)
LINK_LIKE = regex.compile(r"https?://|www\.", regex.IGNORECASE)
URL_TRAILING = ".,;:!?)]}'\""
# A grapheme longer than this is stacked combining marks, not writing; the longest
# emoji sequences (families, kisses with skin tones) have 10 code points.
MAX_GRAPHEME_CODE_POINTS = 16


def text_normalise(*, text: str) -> str:
    """Return the text as it is stored and counted: LF line breaks, no controls, NFC, trimmed."""
    text = CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return EDGES.sub("", unicodedata.normalize("NFC", text))


def text_length(*, text: str) -> int:
    """Count user-perceived characters (extended grapheme clusters) of normalised text."""
    return len(GRAPHEME.findall(text))


def text_longest_grapheme(*, text: str) -> int:
    return max((len(g) for g in GRAPHEME.findall(text)), default=0)


def text_link_count(*, text: str) -> int:
    return len(LINK_LIKE.findall(text))


def _url_split(url: str) -> tuple[str, str]:
    """Leave trailing punctuation out of a link, keeping a closing bracket that one opened."""
    trail = ""
    while url and url[-1] in URL_TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        trail = url[-1] + trail
        url = url[:-1]
    return url, trail


def text_render(*, text: str) -> SafeString:
    """Render plain text as HTML: everything escaped, http(s) links, line breaks kept."""
    parts = []
    position = 0
    for match in URL.finditer(text):
        url, trail = _url_split(match.group())
        parts.append(escape(text[position : match.start()]))
        if url.partition("://")[2]:
            parts.append(f'<a href="{escape(url)}" rel="nofollow ugc noopener">{escape(url)}</a>')
        else:
            parts.append(escape(url))
        parts.append(escape(trail))
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts).replace("\n", "<br>\n"))  # noqa: S308 # nosec B308 B703 # nosemgrep: newsdesk-mark-safe - every part escaped
