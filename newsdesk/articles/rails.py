"""A rail of story cards (components/story_list.html), rendered once per change and kept.

The rails look the same on every page that shows them, so each is rendered
once and kept (core/pagecache/fragments.py) until a page-cache clearing.
"""

from collections.abc import Callable, Iterable

from django.utils.safestring import SafeString

from newsdesk.core.pagecache.fragments import fragment_cached, inclusion_render

STORY_LIST = "components/story_list.html"


def story_rail(
    context,
    *,
    name: str,
    key,
    title: str,
    list_id: str,
    stories: Callable[[], Iterable],
    numbered: bool,
) -> SafeString:
    """Return the rail `name` for `key`; `stories` is called only when it is rendered."""
    return fragment_cached(
        name=name,
        key=key,
        render=lambda: inclusion_render(
            context,
            template_name=STORY_LIST,
            values={"title": title, "list_id": list_id, "stories": stories(), "numbered": numbered},
        ),
    )
