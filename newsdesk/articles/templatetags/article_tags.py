from django import template
from django.conf import settings
from wagtail.models import Site

from newsdesk.articles.selectors import articles_latest, articles_must_read, sections_in_nav

register = template.Library()


@register.inclusion_tag("components/story_list.html", takes_context=True)
def latest_stories(context, exclude=None):
    return {
        "title": "Latest Stories",
        "list_id": "latest",
        "stories": articles_latest(limit=5, exclude_id=getattr(exclude, "pk", None)),
        "numbered": False,
    }


@register.inclusion_tag("components/story_list.html", takes_context=True)
def must_reads(context):
    site = Site.find_for_request(context["request"])
    return {
        "title": "Must-Reads",
        "list_id": "must-reads",
        "stories": articles_must_read(site=site, limit=settings.NEWSDESK_MUST_READS_LIMIT),
        "numbered": True,
    }


@register.inclusion_tag("components/share_links.html", takes_context=True)
def share_links(context, page):
    return {"url": page.get_full_url(context["request"]), "title": page.title}


@register.inclusion_tag("components/section_nav.html", takes_context=True)
def section_nav(context):
    page = context.get("page")
    current_id = getattr(page, "section_id", None) or getattr(page, "pk", None)
    return {"sections": sections_in_nav(), "current_id": current_id}
