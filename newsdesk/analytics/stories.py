"""Which stories a beacon may count: published ones, remembered for a minute.

Asking the database on every beacon would make the page table the limit of
the Redis path. A story unpublished elsewhere may still be counted by this
process for up to STORY_SECONDS; this process forgets it at once (signals).
"""

import threading
import time
from collections import OrderedDict

from newsdesk.articles.models import ArticlePage

STORY_SECONDS = 60
MAX_REMEMBERED = 10_000

_known: OrderedDict[int, tuple[float, bool]] = OrderedDict()
_lock = threading.Lock()


def story_remembered(*, article_id: int) -> bool | None:
    """Return whether the story is countable if this process still remembers, else None."""
    with _lock:
        known = _known.get(article_id)
    if known is not None and known[0] > time.monotonic():
        return known[1]
    return None


def story_is_countable(*, article_id: int) -> bool:
    """Return whether the story exists and a reader may see it."""
    known = story_remembered(article_id=article_id)
    if known is not None:
        return known
    now = time.monotonic()
    published = ArticlePage.objects.published().filter(pk=article_id).exists()
    with _lock:
        _known[article_id] = (now + STORY_SECONDS, published)
        _known.move_to_end(article_id)
        while len(_known) > MAX_REMEMBERED:
            _known.popitem(last=False)
    return published


def story_forget(*, article_id: int | None = None) -> None:
    with _lock:
        if article_id is None:
            _known.clear()
        else:
            _known.pop(article_id, None)
