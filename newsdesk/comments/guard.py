"""Cross-site and replay protection for forms on pages that are cached whole.

The article page is the same bytes for everyone, so it carries no CSRF token
and no time. A form token is issued on demand instead: by the token endpoint
(fetched by script when a reader focuses the box) or inside an uncached form
page (the no-script path). It is signed, names the story, says when it was
issued (for the minimum time to submit) and carries a nonce (the idempotency
key of the submission). Cross-site posts are refused by the Origin header, or
the Referer when a browser leaves Origin out, as Django's own CSRF check does
on HTTPS; these endpoints use no cookie, so there is no ambient session to ride.
"""

import secrets
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.http import HttpRequest

SALT = "newsdesk.comments.form"


@dataclass(frozen=True)
class FormToken:
    page_id: int
    nonce: str
    issued_at: float


class TokenError(Exception):
    """The token is missing, forged, for another story or too old: ask the reader to confirm."""


def form_token_issue(*, page_id: int, now: float | None = None) -> str:
    issued = time.time() if now is None else now
    return signing.dumps({"p": page_id, "n": secrets.token_urlsafe(16), "t": issued}, salt=SALT)


def form_token_read(*, token: str, page_id: int, now: float | None = None) -> FormToken:
    """Return the token's content, or raise TokenError when it cannot be used for this story."""
    if not token:
        raise TokenError("missing")
    try:
        data = signing.loads(token, salt=SALT)
        read = FormToken(page_id=int(data["p"]), nonce=str(data["n"]), issued_at=float(data["t"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise TokenError("invalid") from error
    age = (time.time() if now is None else now) - read.issued_at
    if read.page_id != page_id or not -60 <= age <= settings.NEWSDESK_COMMENTS_TOKEN_MAX_AGE:
        raise TokenError("expired")
    return read


def form_token_age(*, token: FormToken, now: float | None = None) -> float:
    return (time.time() if now is None else now) - token.issued_at


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else ""


def request_same_origin(*, request: HttpRequest) -> bool:
    """Return whether the post came from a page of this site (or a trusted origin)."""
    allowed = {f"{request.scheme}://{request.get_host()}".lower()}
    allowed |= {o.lower() for o in settings.CSRF_TRUSTED_ORIGINS}
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return origin.lower() in allowed
    referer = request.META.get("HTTP_REFERER", "")
    return _origin_of(referer) in allowed
