"""What the fuzz tests (test_fuzz.py in each app) share: their budget and hostile values.

The suite runs a small, fixed budget (derandomised, so a run is repeatable and
CI never fails by luck); `make fuzz` sets HYPOTHESIS_PROFILE=long for thousands
of fresh random examples per endpoint. A failing example is printed, so it
can be pasted into a plain test.
"""

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Each example is one request on a database the test rolls back as a whole, so
# the function-scoped fixtures are meant to be shared; requests vary in speed.
_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
settings.register_profile("suite", max_examples=60, derandomize=True, **_COMMON)
settings.register_profile("long", max_examples=3000, **_COMMON)

fuzz = settings.get_profile("long" if os.environ.get("HYPOTHESIS_PROFILE") == "long" else "suite")

# Numbers as people and programs mistype them, and as attackers send them.
NUMBERISH = [
    "",
    "0",
    "-1",
    "1.5",
    "1e3",
    " 2",
    "2 ",
    "+3",
    "0x10",
    "²",
    "١",
    "２",
    "9" * 30,
    "NaN",
    "inf",
    "None",
    "null",
    "[]",
    "1;DROP TABLE x",
    "' OR '1'='1",
]
DATEISH = ["2026-02-30", "0000-00-00", "9999-12-31", "1-1-1", "2026-13-01", "today", "2026/01/01"]
HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }}{% debug %}",
    "\x00",
    "\ufeff",
    "\u202e",
    "\ud7ff\ue000",
    "%00",
    "../../etc/passwd",
    "a" * 5000,
]


def query_values() -> st.SearchStrategy[str]:
    """A value for one query-string parameter: arbitrary text or a known troublemaker."""
    return st.one_of(
        st.text(max_size=40),
        st.sampled_from(NUMBERISH + DATEISH + HOSTILE),
        st.integers(min_value=-(10**20), max_value=10**20).map(str),
    )
