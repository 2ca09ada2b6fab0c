"""The address a request came from, told the same way to every feature."""

from django.conf import settings


def client_address(*, meta: dict) -> str:
    """Return the client's IP, trusting only the header our own proxy sets.

    NEWSDESK_CLIENT_IP_HEADER names it (e.g. HTTP_X_REAL_IP or
    HTTP_X_FORWARDED_FOR); a proxy appends what it saw last, so earlier entries
    are the client's say-so. Empty means REMOTE_ADDR: no proxy in front.
    """
    header = settings.NEWSDESK_CLIENT_IP_HEADER
    if header and meta.get(header):
        return meta[header].split(",")[-1].strip()
    return meta.get("REMOTE_ADDR", "")
