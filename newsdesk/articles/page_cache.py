"""What each public page shows, for the page cache, and what a change clears.

Tags: `all` (every page), `page-<id>` (the Wagtail page served), `story-<id>`
(a story shown anywhere on the page: its own page, a list, a rail, related
stories; recorded as stories are loaded during the render), `home`,
`section-<id>`, `author-<slug>`, `tag-<slug>` (list pages), `feeds` and
`sitemaps`. A story's page also names its section, authors and tags
(`in-section-<id>`, `by-<slug>`, `tagged-<slug>`) for a front cache that
purges by tag; nothing clears those alone, as a story edit must not clear
every story of its section.

A story entering or leaving the public set (publish of a story readers could
not see, unpublish, delete, move) changes the Latest Stories rail of every
page, so it clears `all`; an edit of a live story clears the pages showing
it and the lists it now belongs to. Changes to sections, the home page,
authors, tags or the Must-Reads show on every page and clear `all`.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_init, post_save, pre_save
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from newsdesk.core.pagecache import page_tags_add, pages_invalidate
from newsdesk.core.pagecache.fragments import fragments_forget

from .front_cache import front_cache_purge
from .models import (
    ArticleAuthor,
    ArticlePage,
    ArticleTag,
    Author,
    HomePage,
    MustReadItem,
    MustReads,
    NewsImage,
    SectionPage,
)

ALL = "all"
FEEDS = "feeds"
SITEMAPS = "sitemaps"


def _story_loaded(sender, instance, **kwargs):
    page_tags_add(f"story-{instance.pk}")


post_init.connect(_story_loaded, sender=ArticlePage, dispatch_uid="page_cache_story_loaded")


def _list_tags(page: Page) -> set[str]:
    if isinstance(page, HomePage):
        return {"home"}
    if isinstance(page, SectionPage):
        return {f"section-{page.pk}"}
    return set()


def _story_labels(story: ArticlePage, context: dict) -> set[str]:
    # Names for a front cache purging by tag; changes to them clear `all` here.
    return {
        f"in-section-{story.section_id}",
        *(f"by-{author.slug}" for author in context.get("authors", ())),
        *(f"tagged-{tag.slug}" for tag in context.get("tags", ())),
    }


def _wagtail_page_tags(response, shown: set[str]) -> set[str] | None:
    context = getattr(response, "context_data", None) or {}
    page = context.get("page")
    if not isinstance(page, Page) or page.get_view_restrictions().exists():
        return None
    tags = {ALL, f"page-{page.pk}", *shown, *_list_tags(page)}
    if isinstance(page, ArticlePage):
        tags |= _story_labels(page, context)
    return tags


def response_tags(request, response, shown: set[str]) -> set[str] | None:
    """Name what a public page shows, or None when the response is not a public page.

    Feeds and sitemaps list up to 50,000 stories: they carry their list tag
    instead of one tag per story, and every story change clears them.
    """
    match = request.resolver_match
    if match is None:
        return None
    if match.url_name == "wagtail_serve" and not match.namespace:
        return _wagtail_page_tags(response, shown)
    if match.namespace != "articles":
        return None
    name = match.url_name
    if name in ("author", "tag"):
        return {ALL, f"{name}-{match.kwargs['slug']}", *shown}
    if "feed" in name:
        return {ALL, FEEDS}
    if "sitemap" in name:
        return {ALL, SITEMAPS}
    return {ALL}


def story_tags(story: ArticlePage) -> set[str]:
    """The story itself and every list it belongs to now."""
    authors = Author.objects.filter(article_links__page=story).values_list("slug", flat=True)
    tags = story.tags.values_list("slug", flat=True)
    return {
        f"story-{story.pk}",
        f"page-{story.pk}",
        f"section-{story.section_id}",
        "home",
        FEEDS,
        SITEMAPS,
        *(f"author-{slug}" for slug in authors),
        *(f"tag-{slug}" for slug in tags),
    }


def story_page_refresh(*, page_id: int) -> None:
    """Clear a story's own page (its comments changed), here and in a front cache."""
    pages_invalidate(tags={f"page-{page_id}"})
    # Lazy: the query runs only when a front cache is configured, at purge time.
    front_cache_purge(pages=ArticlePage.objects.filter(pk=page_id))


@receiver(pre_save, sender=ArticlePage, dispatch_uid="page_cache_was_live")
def _story_was_live(sender, instance, update_fields=None, **kwargs):
    # Publishing saves the whole page; the row still says whether readers could see it.
    if instance.pk and update_fields is None:
        instance._page_cache_was_live = ArticlePage.objects.filter(
            pk=instance.pk, live=True
        ).exists()


@receiver(page_published, dispatch_uid="page_cache_published")
def _page_published(sender, instance, **kwargs):
    story = instance if isinstance(instance, ArticlePage) else None
    if story is not None and getattr(story, "_page_cache_was_live", False):
        pages_invalidate(tags=story_tags(story))
    else:
        pages_invalidate(tags={ALL})
    front_cache_purge(pages=[instance], story=story)


@receiver(page_unpublished, dispatch_uid="page_cache_unpublished")
def _page_unpublished(sender, instance, **kwargs):
    pages_invalidate(tags={ALL})
    story = instance if isinstance(instance, ArticlePage) else None
    front_cache_purge(pages=[instance], story=story)


@receiver(post_page_move, dispatch_uid="page_cache_moved")
def _page_moved(sender, instance, **kwargs):
    pages_invalidate(tags={ALL})


def _everything_changed(sender, **kwargs):
    pages_invalidate(tags={ALL})


for _model in (ArticlePage, SectionPage, HomePage):
    post_delete.connect(_everything_changed, sender=_model, dispatch_uid=f"page_cache_del_{_model}")
# A view restriction takes stories out of every list; a site's host or root changes links.
for _model in (Author, Tag, MustReads, MustReadItem, PageViewRestriction, Site):
    post_save.connect(_everything_changed, sender=_model, dispatch_uid=f"page_cache_save_{_model}")
    post_delete.connect(_everything_changed, sender=_model, dispatch_uid=f"page_cache_del_{_model}")


def _kept_rows_changed(sender, **kwargs):
    # Routing keeps rows of pages, images and bylines in each process (articles/views.py); any save,
    # a draft's too, shows at once here: now, and again at the commit, past racing renders.
    fragments_forget()
    transaction.on_commit(fragments_forget)


for _model in (ArticlePage, SectionPage, HomePage, NewsImage, ArticleAuthor, ArticleTag):
    post_save.connect(_kept_rows_changed, sender=_model, dispatch_uid=f"page_cache_rows_{_model}")
for _model in (NewsImage, ArticleAuthor, ArticleTag):
    post_delete.connect(
        _kept_rows_changed, sender=_model, dispatch_uid=f"page_cache_rows_del_{_model}"
    )
