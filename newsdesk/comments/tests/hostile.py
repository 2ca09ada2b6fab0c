"""Hostile comment inputs: injection, markup, tricky Unicode, SQL, oversized bodies.

Each payload that could run script sets window.__pwned or opens a dialog, so the
browser test can tell whether anything executed.
"""

import itertools

INJECTIONS = [
    "<script>window.__pwned=1;alert(1)</script>",
    '<img src=x onerror="window.__pwned=1;alert(1)">',
    "<svg onload=window.__pwned=1>",
    '"><script>window.__pwned=1</script>',
    "'><img src=x onerror=alert(1)>",
    '<iframe src="javascript:window.__pwned=1"></iframe>',
    '<a href="javascript:window.__pwned=1">click</a>',
    "javascript:alert(document.cookie)",
    "JaVaScRiPt:window.__pwned=1",
    'http://example.com/"onmouseover="window.__pwned=1',
    "https://example.com/<script>alert(1)</script>",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<style>*{display:none}</style>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<b>bold</b> <i>italic</i> &amp; &lt;entity&gt; &#60;script&#62;",
    "{{ 7*7 }} {% debug %} ${7*7}",
    "'; DROP TABLE comments_comment; --",
    "1' OR '1'='1",
    '" OR 1=1 --',
    "Robert'); DELETE FROM comments_comment WHERE ('1'='1",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "<form action=https://evil.example><input name=x></form>",
    "<meta http-equiv=refresh content=0;url=https://evil.example>",
]
TWISTS = [
    lambda s: s,
    lambda s: "\u202e" + s + "\u202c",  # right-to-left override
    lambda s: "\u200b".join(s[i : i + 3] for i in range(0, len(s), 3)),  # zero-width spaces
    lambda s: s.replace("<", "<\u0301", 2),  # a combining accent after the bracket
    lambda s: "\u2066" + s + "\u2069 \u200f\u200d",  # isolates, RLM, ZWJ
    lambda s: s.upper(),
    lambda s: s + " e\u0301\u0302\u0303\u0304 Z\u0335\u0336\u0337",  # stacked combining marks
    lambda s: "\ufeff" + s + "\x00\x07",  # BOM and control characters
]


def hostile_inputs() -> list[tuple[str, str]]:
    """Return (name, text) pairs: every injection under every twist, in both fields."""
    pairs = []
    for payload, twist in itertools.product(INJECTIONS, TWISTS):
        twisted = twist(payload)
        pairs.append(("Reader", twisted))
        pairs.append((twisted[:120], "A fair point about the floods."))
    pairs.append(("Reader", "x" * 10_240))  # a 10 KB body
    pairs.append(("Reader", "🏳️‍🌈" * 301))
    return pairs
