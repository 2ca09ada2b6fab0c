"""Whole-page cache: public pages kept whole, answered before the rest of the stack.

Apps take part through three calls and know nothing of how pages are stored:
`page_tags_add` names what a page being rendered shows, `page_max_age_limit`
shortens how long it may be kept, `pages_invalidate` clears every page that
showed something. docs/architecture.md ("Caching") describes the whole.
"""

from .collector import page_max_age_limit, page_tags_add
from .store import pages_invalidate

__all__ = ["page_max_age_limit", "page_tags_add", "pages_invalidate"]
