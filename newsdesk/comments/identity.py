"""Who is posting, without keeping their address: keyed hashes of IP and e-mail.

The hashes are stable (not rotated) because bans must outlive a day; they are
HMACs keyed by SECRET_KEY, so the stored value cannot be reversed by hashing
the IPv4 space without the key.
"""

from django.conf import settings
from django.http import HttpRequest
from django.utils.crypto import salted_hmac


def client_ip(*, request: HttpRequest) -> str:
    """Return the client's address, trusting X-Forwarded-For only as far as our own proxies."""
    hops = settings.NEWSDESK_COMMENTS_PROXY_COUNT
    if hops:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")


def visitor_hash(*, request: HttpRequest) -> str:
    return salted_hmac("newsdesk.comments.visitor", client_ip(request=request)).hexdigest()


def email_normalise(*, email: str) -> str:
    return email.strip().lower()


def email_hash(*, email: str) -> str:
    return salted_hmac("newsdesk.comments.email", email_normalise(email=email)).hexdigest()
