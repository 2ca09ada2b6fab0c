from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html

from newsdesk.articles.rails import STORY_LIST
from newsdesk.core.pagecache import page_max_age_limit

from ..lists import list_cached
from ..selectors import articles_popular_now, articles_weekly_best, story_views
from ..tokens import read_token_make

register = template.Library()
LIST_LENGTH = 5


def _story_list(*, context, name: str, title: str, list_id: str, build) -> str:
    def render() -> str:
        return render_to_string(
            STORY_LIST,
            {"title": title, "list_id": list_id, "stories": build(), "numbered": True},
            request=context.get("request"),
        )

    # The page around a ranking is kept no longer than the ranking itself.
    page_max_age_limit(settings.NEWSDESK_ANALYTICS_LIST_SECONDS)
    return list_cached(name=name, build=render)


@register.simple_tag(takes_context=True)
def popular_now(context):
    return _story_list(
        context=context,
        name="popular-now",
        title="Popular Now",
        list_id="popular-now",
        build=lambda: articles_popular_now(limit=LIST_LENGTH),
    )


@register.simple_tag(takes_context=True)
def weekly_best(context, section=None):
    """Site-wide Weekly Best, or one section's with section=page."""
    name = f"weekly-best-{section.pk}" if section is not None else "weekly-best"
    return _story_list(
        context=context,
        name=name,
        title="Weekly Best",
        list_id="weekly-best",
        build=lambda: articles_weekly_best(limit=LIST_LENGTH, section=section),
    )


@register.inclusion_tag("analytics/view_count.html")
def view_count(page):
    """The byline's read count as of render, with what reads.js needs to count and refresh."""
    views = story_views(article_id=page.pk)
    return {
        "views": views,
        "views_text": f"{views:,}",
        "token": read_token_make(article_id=page.pk),
        "read_url": reverse("analytics:read"),
        "views_url": reverse("analytics:views", args=[page.pk]),
    }


@register.simple_tag
def reads_script():
    return format_html('<script src="{}" defer></script>', static("analytics/reads.js"))
