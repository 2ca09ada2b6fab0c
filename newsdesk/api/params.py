"""Read the API's query parameters; anything unexpected is a 400 that says what was wrong."""

import re

from wagtail.api.v2.utils import BadRequestError

from newsdesk.core.numbers import whole_number

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,255}")


def parameters_check(*, query, known: frozenset[str]) -> None:
    """Refuse parameters this endpoint does not read, so a misspelt filter is not ignored."""
    unknown = sorted(set(query) - known)
    if unknown:
        accepted = ", ".join(sorted(known)) or "none"
        raise BadRequestError(
            f"unknown query parameter: {', '.join(unknown)} (this endpoint accepts: {accepted})"
        )


def bounded_number(*, query, name: str, default: int, maximum: int) -> int:
    """Return a whole number from 0 to maximum; digits only, so "1e9", "-1" and " 5" are refused."""
    raw = query.get(name)
    if raw is None:
        return default
    number = whole_number(raw, max_digits=len(str(maximum)))
    if number is None or number > maximum:
        raise BadRequestError(f"{name} must be a whole number from 0 to {maximum}")
    return number


def slug_value(*, query, name: str) -> str | None:
    """Return a slug-shaped value, or None when the parameter is absent."""
    raw = query.get(name)
    if raw is None:
        return None
    if not SLUG.fullmatch(raw):
        raise BadRequestError(f"{name} must be a slug (letters, digits, hyphens, underscores)")
    return raw
