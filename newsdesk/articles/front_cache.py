"""Purge a front cache (Varnish, Cloudflare) through Wagtail's frontend_cache backends.

Nothing happens until WAGTAILFRONTENDCACHE names a backend (config/settings,
from NEWSDESK_VARNISH_URL or NEWSDESK_CLOUDFLARE_*). Wagtail's backends purge
addresses, so a story's change purges its page and the lists it belongs to;
the other pages showing it age out within their s-maxage.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from .models import ArticlePage, HomePage

SITEMAP_PATHS = (
    "articles:sitemap",
    "articles:news_sitemap",
    ("articles:sitemap_section", "stories"),
    ("articles:sitemap_section", "fronts"),
    ("articles:sitemap_section", "authors"),
)


def _named(names: tuple[str, ...], slug: str) -> list[str]:
    return [reverse(f"articles:{name}", args=[slug]) for name in names]


def _paths(*, story: ArticlePage) -> list[str]:
    paths = [reverse("articles:feed_rss"), reverse("articles:feed_atom")]
    for name in SITEMAP_PATHS:
        paths.append(reverse(name) if isinstance(name, str) else reverse(name[0], args=[name[1]]))
    for slug in story.tags.values_list("slug", flat=True):
        paths += _named(("tag", "tag_feed_rss", "tag_feed_atom"), slug)
    for link in story.article_authors.select_related("author"):
        paths += _named(("author", "author_feed_rss", "author_feed_atom"), link.author.slug)
    if story.section is not None:
        paths += _named(("section_feed_rss", "section_feed_atom"), story.section.slug)
    return paths


def front_cache_purge(*, pages: list, story: ArticlePage | None = None) -> None:
    """Purge the pages' addresses and, for a story, every list it shows in, after commit."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return

    def purge():
        batch = PurgeBatch()
        batch.add_pages(pages)
        if story is not None:
            batch.add_pages([*HomePage.objects.live(), *filter(None, [story.section])])
            root = story.get_site().root_url
            batch.add_urls([root + path for path in _paths(story=story)])
        batch.purge()

    transaction.on_commit(purge)
