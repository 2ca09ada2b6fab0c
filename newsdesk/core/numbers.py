"""Read a whole number from outside input without surprises."""


def whole_number(value: str, *, max_digits: int = 12) -> int | None:
    """Return value as a non-negative int, or None unless it is 1 to max_digits ASCII digits.

    str.isdigit() also accepts "²" and "١", which int() then rejects or reads;
    outside input must never reach int() unchecked.
    """
    if value.isascii() and value.isdigit() and len(value) <= max_digits:
        return int(value)
    return None
