"""The read token an article page carries: its id, signed.

The page is cached whole and served identically to every visitor, so the
token belongs to the article, not the reader, and does not expire (a
TimestampSigner would go stale inside a long-cached page). It proves the
beacon names a story this site rendered; de-duplication and the rate limit
bound what a replayed token can do.
"""

from django.core import signing

from newsdesk.core.numbers import whole_number

SALT = "newsdesk.analytics.read-token"


def read_token_make(*, article_id: int) -> str:
    return signing.Signer(salt=SALT).sign(str(article_id))


def read_token_parse(*, token: str) -> int | None:
    """Return the article id a token names, or None when it is forged or malformed."""
    try:
        value = signing.Signer(salt=SALT).unsign(token)
    except signing.BadSignature:
        return None
    return whole_number(value)
