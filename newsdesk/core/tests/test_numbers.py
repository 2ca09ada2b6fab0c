import pytest

from newsdesk.core.numbers import whole_number


@pytest.mark.parametrize(("value", "expected"), [("0", 0), ("42", 42), ("007", 7)])
def test_ascii_digits_are_read(value, expected):
    assert whole_number(value) == expected


@pytest.mark.parametrize("value", ["", "-1", "1.5", "1e3", "²", "١٢", "１", " 1", "9" * 13])
def test_anything_else_is_refused(value):
    assert whole_number(value) is None
