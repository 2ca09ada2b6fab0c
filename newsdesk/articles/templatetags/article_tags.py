import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from wagtail.models import Site

from newsdesk.articles.selectors import articles_latest, articles_must_read, sections_in_nav
from newsdesk.articles.structured_data import story_json_ld
from newsdesk.core.pagecache.fragments import fragment_cached, inclusion_render

register = template.Library()

SHARE_IMAGE_FILTER = "width-1200"
# The same escapes as django.utils.html.json_script: no "</script>" can close the block early.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


STORY_LIST = "components/story_list.html"


# The rails and the navigation look the same on every page that shows them: each is
# rendered once per change and kept (fragments.py), not queried for on every page.
@register.simple_tag(takes_context=True)
def latest_stories(context, exclude=None):
    exclude_id = getattr(exclude, "pk", None)
    return fragment_cached(
        name="latest-stories",
        key=exclude_id,
        render=lambda: inclusion_render(
            context,
            template_name=STORY_LIST,
            values={
                "title": "Latest Stories",
                "list_id": "latest",
                "stories": articles_latest(limit=5, exclude_id=exclude_id),
                "numbered": False,
            },
        ),
    )


@register.simple_tag(takes_context=True)
def must_reads(context):
    site = Site.find_for_request(context["request"])
    return fragment_cached(
        name="must-reads",
        key=getattr(site, "pk", None),
        render=lambda: inclusion_render(
            context,
            template_name=STORY_LIST,
            values={
                "title": "Must-Reads",
                "list_id": "must-reads",
                "stories": articles_must_read(site=site, limit=settings.NEWSDESK_MUST_READS_LIMIT),
                "numbered": True,
            },
        ),
    )


@register.inclusion_tag("components/share_links.html", takes_context=True)
def share_links(context, page):
    return {"url": page.get_full_url(context["request"]), "title": page.title}


@register.simple_tag(takes_context=True)
def section_nav(context):
    page = context.get("page")
    current_id = getattr(page, "section_id", None) or getattr(page, "pk", None)
    return fragment_cached(
        name="section-nav",
        key=current_id,
        render=lambda: inclusion_render(
            context,
            template_name="components/section_nav.html",
            values={"sections": sections_in_nav(), "current_id": current_id},
        ),
    )


@register.inclusion_tag("components/story_meta.html", takes_context=True)
def story_meta(context, page):
    """Render canonical, Open Graph, Twitter card and JSON-LD tags for a story's head."""
    request = context["request"]
    root_url = Site.find_for_request(request).root_url
    image = page.lead_image.get_rendition(SHARE_IMAGE_FILTER) if page.lead_image else None
    image_url = image.full_url if image else None
    authors = context.get("authors", [])
    return {
        "page": page,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "canonical": root_url + page.url,
        "image": image,
        "image_url": image_url,
        "tags": context.get("tags", []),
        "json_ld": story_json_ld(
            story=page, authors=authors, root_url=root_url, image_url=image_url
        ),
    }


@register.filter
def ld_json(data):
    """Serialise data for a <script type="application/ld+json"> block, escaped like json_script."""
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder).translate(_JSON_SCRIPT_ESCAPES))  # noqa: S308 # nosec B308 B703 # nosemgrep: newsdesk-mark-safe - <, > and & escaped as json_script does
