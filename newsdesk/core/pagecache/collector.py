"""What the page being rendered shows (its tags) and how long it may be kept.

The middleware opens a collection around a render it may store; code that
loads or shows something adds to it from anywhere below. Outside such a
render (admin, worker, tests) the calls do nothing.
"""

import contextlib
from contextvars import ContextVar
from dataclasses import dataclass, field


@dataclass
class Collection:
    tags: set[str] = field(default_factory=set)
    max_age: int | None = None


_current: ContextVar[Collection | None] = ContextVar("page_cache_collection", default=None)


@contextlib.contextmanager
def collecting():
    collection = Collection()
    token = _current.set(collection)
    try:
        yield collection
    finally:
        _current.reset(token)


def page_tags_add(*tags: str) -> None:
    """Record that the page being rendered shows these things, so clearing any of them clears it."""
    collection = _current.get()
    if collection is not None:
        collection.tags.update(tags)


def page_max_age_limit(seconds: int) -> None:
    """Keep the page being rendered fresh for at most this long (it shows a list that moves)."""
    collection = _current.get()
    if collection is not None:
        current = collection.max_age
        collection.max_age = seconds if current is None else min(current, seconds)
