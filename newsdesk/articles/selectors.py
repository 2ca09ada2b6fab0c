"""Reads of stories that cross models; views, tags and feeds go through these."""

from dataclasses import dataclass

from django.db.models import Prefetch
from wagtail.models import Site

from newsdesk.core.visibility import without_view_restrictions

from .models import ArticleAuthor, ArticlePage, Author, HomePage, NewsImage, SectionPage

TOP_STORIES_PER_SECTION = 4


def articles_published():
    return ArticlePage.objects.published()


def articles_latest(*, limit: int = 5, exclude_id: int | None = None) -> list[ArticlePage]:
    """Return the newest published stories site-wide, optionally leaving one out."""
    stories = articles_published().for_listing().newest_first()
    if exclude_id is not None:
        stories = stories.exclude(pk=exclude_id)
    return list(stories[:limit])


def articles_must_read(*, site: Site, limit: int) -> list[ArticlePage]:
    """Return the editors' picks in their order; unpublished picks drop out silently."""
    return list(
        articles_published()
        .for_listing()
        .filter(must_read_items__must_reads__site=site)
        .order_by("must_read_items__sort_order")[:limit]
    )


def articles_by_author(*, author: Author):
    return articles_published().filter(article_authors__author=author).for_listing().newest_first()


def articles_for_feed(*, stories, limit: int, image_filter: str) -> list[ArticlePage]:
    """Return the newest stories with authors, tags and image renditions loaded in bulk."""
    return list(
        stories.newest_first()
        .select_related("section")
        .prefetch_related(
            Prefetch(
                "article_authors",
                queryset=ArticleAuthor.objects.select_related("author"),
                to_attr="author_links",
            ),
            Prefetch("lead_image", queryset=NewsImage.objects.prefetch_renditions(image_filter)),
            "tags",
        )[:limit]
    )


def articles_by_tag(*, slug: str):
    return articles_published().filter(tags__slug=slug).for_listing().newest_first().distinct()


def sections_live():
    """Return the live sections readers may open, in tree order, as a queryset."""
    # Named by their own table's ids: otherwise SQLite walks every page of the tree
    # by its path index to find the few sections, a cost that grows with the archive.
    sections = SectionPage.objects.live().filter(pk__in=SectionPage.objects.values("pk"))
    return without_view_restrictions(sections).order_by("path")


def sections_in_nav() -> list[SectionPage]:
    """Return the live sections in their tree order, for the site's navigation."""
    return list(sections_live().only("title", "url_path", "path"))


@dataclass
class SectionTops:
    section: SectionPage
    stories: list[ArticlePage]


@dataclass
class HomeFront:
    lead: ArticlePage | None
    sections: list[SectionTops]


def home_front(*, home: HomePage) -> HomeFront:
    """Return the lead story and the newest few stories of each section."""
    lead = None
    if home.lead_story_id:
        lead = articles_published().for_listing().filter(pk=home.lead_story_id).first()
    if lead is None:
        lead = articles_published().for_listing().newest_first().first()
    sections = list(SectionPage.objects.live().child_of(home).order_by("path"))
    # One small query a section: each walks the (depth, first published) index from the
    # newest story, where ranking every story at once would read them all.
    newest = articles_published().exclude(pk=getattr(lead, "pk", None)).for_listing().newest_first()
    by_section = {
        section.pk: list(newest.child_of(section)[:TOP_STORIES_PER_SECTION]) for section in sections
    }
    return HomeFront(
        lead=lead,
        sections=[SectionTops(section=s, stories=by_section.get(s.pk, [])) for s in sections],
    )
