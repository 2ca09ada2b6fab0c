"""What the API may show: published stories only, loaded in a fixed number of queries."""

from django.db.models import Prefetch, prefetch_related_objects
from taggit.models import Tag

from newsdesk.analytics.selectors import articles_popular_now, articles_weekly_best
from newsdesk.articles.models import ArticleAuthor, ArticlePage, Author, NewsRendition, SectionPage
from newsdesk.articles.selectors import sections_live

from .images import PHOTO_RENDITIONS, STORY_RENDITIONS

# The longest Popular Now or Weekly Best the API hands out.
RANKING_LENGTH = 20


def _renditions(path: str, specs) -> Prefetch:
    return Prefetch(path, queryset=NewsRendition.objects.filter(filter_spec__in=list(specs)))


def _story_relations() -> list:
    return [
        Prefetch(
            "article_authors",
            queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
            to_attr="author_links",
        ),
        "tags",
        _renditions("lead_image__renditions", STORY_RENDITIONS.values()),
    ]


def stories_for_api(
    *,
    section: SectionPage | None = None,
    author: Author | None = None,
    tag: Tag | None = None,
):
    """Return published stories, newest first, with what a story card shows loaded in bulk.

    The body is left unread: a list does not show it (see stories_for_detail).
    """
    stories = ArticlePage.objects.published().for_listing()
    if section is not None:
        stories = stories.filter(section=section)
    if author is not None:
        stories = stories.filter(article_authors__author=author)
    if tag is not None:
        stories = stories.filter(tags=tag)
    return stories.prefetch_related(*_story_relations()).newest_first()


def stories_for_detail():
    """Return the published stories a detail answer picks from, body included."""
    return (
        ArticlePage.objects.published()
        .select_related("section", "lead_image")
        .prefetch_related(*_story_relations())
    )


def stories_load(stories: list[ArticlePage]) -> list[ArticlePage]:
    """Load authors, tags and image renditions for stories that came without them."""
    prefetch_related_objects(stories, *_story_relations())
    return stories


def stories_popular_now() -> list[ArticlePage]:
    return stories_load(articles_popular_now(limit=RANKING_LENGTH))


def stories_weekly_best(*, section: SectionPage | None = None) -> list[ArticlePage]:
    return stories_load(articles_weekly_best(limit=RANKING_LENGTH, section=section))


def authors_for_api():
    """Return the authors with at least one published story, by name."""
    return (
        Author.objects.filter(article_links__page__in=ArticlePage.objects.published())
        .distinct()
        .select_related("photo")
        .prefetch_related(_renditions("photo__renditions", PHOTO_RENDITIONS.values()))
        .order_by("name", "pk")
    )


def section_by_slug(slug: str) -> SectionPage | None:
    return sections_live().filter(slug=slug).first()


def author_by_slug(slug: str) -> Author | None:
    return Author.objects.filter(slug=slug).first()


def tag_by_slug(slug: str) -> Tag | None:
    return Tag.objects.filter(slug=slug).first()
