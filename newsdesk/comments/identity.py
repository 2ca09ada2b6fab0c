"""Who is posting, without keeping their address: keyed hashes of IP and e-mail.

The hashes are stable (not rotated) because bans must outlive a day; they are
HMACs keyed by SECRET_KEY, so the stored value cannot be reversed by hashing
the IPv4 space without the key.
"""

from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from newsdesk.core.client import client_address


def visitor_hash(*, request: HttpRequest) -> str:
    address = client_address(meta=request.META)
    return salted_hmac("newsdesk.comments.visitor", address).hexdigest()


def email_normalise(*, email: str) -> str:
    return email.strip().lower()


def email_hash(*, email: str) -> str:
    return salted_hmac("newsdesk.comments.email", email_normalise(email=email)).hexdigest()
