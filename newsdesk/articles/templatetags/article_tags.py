import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail.models import Site

from newsdesk.articles.rails import story_rail
from newsdesk.articles.selectors import articles_latest, articles_must_read, sections_in_nav
from newsdesk.articles.structured_data import story_json_ld
from newsdesk.articles.views import reader_request
from newsdesk.core.pagecache.fragments import fragment_cached, inclusion_render

register = template.Library()

SHARE_IMAGE_FILTER = "width-1200"
# The same escapes as django.utils.html.json_script: no "</script>" can close the block early.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


# The rails and the navigation look the same on every page that shows them: each is
# rendered once per change and kept (fragments.py), not queried for on every page.
@register.simple_tag(takes_context=True)
def latest_stories(context, exclude=None):
    exclude_id = getattr(exclude, "pk", None)
    return story_rail(
        context,
        name="latest-stories",
        key=exclude_id,
        title="Latest Stories",
        list_id="latest",
        stories=lambda: articles_latest(limit=5, exclude_id=exclude_id),
        numbered=False,
    )


@register.simple_tag(takes_context=True)
def must_reads(context):
    site = Site.find_for_request(context["request"])
    return story_rail(
        context,
        name="must-reads",
        key=getattr(site, "pk", None),
        title="Must-Reads",
        list_id="must-reads",
        stories=lambda: articles_must_read(site=site, limit=settings.NEWSDESK_MUST_READS_LIMIT),
        numbered=True,
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


def _story_version(page) -> tuple | None:
    """What names the live story a reader is shown, or None when it may not be kept.

    Only a reader's render of a saved story may use a kept piece; an edit shows
    at once, as publishing moves the live revision and the time, and any save
    of a story or image forgets what this process keeps (page_cache.py).
    """
    if page.pk is None:
        return None
    return (page.pk, page.live_revision_id, page.last_published_at)


def _kept_for_reader(context, page) -> tuple | None:
    request = context.get("request")
    if request is None or not reader_request(request):
        return None
    return _story_version(page)


@register.simple_tag(takes_context=True)
def story_body(context, page):
    """A story's body, as {% include_block page.body %} renders it.

    A reader's is rendered once per live revision and kept (fragments.py); the
    pages and images it shows record their page-cache tags, replayed when kept.
    """

    def render():
        html = page.body.render_as_block(context=context.flatten())
        return conditional_escape(html) if context.autoescape else str(html)

    version = _kept_for_reader(context, page)
    site = Site.find_for_request(context["request"]) if version else None
    return fragment_cached(
        name="story-body",
        key=(getattr(site, "pk", None), *(version or ())),
        render=render,
        keep=version is not None,
    )


def _story_meta_values(context, page, site) -> dict:
    root_url = site.root_url
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


@register.simple_tag(takes_context=True)
def story_meta(context, page):
    """Render canonical, Open Graph, Twitter card and JSON-LD tags for a story's head.

    A reader's are kept as its body is, keyed also by the bylines and tags shown.
    """
    site = Site.find_for_request(context["request"])

    def render():
        values = _story_meta_values(context, page, site)
        return inclusion_render(context, template_name="components/story_meta.html", values=values)

    version = _kept_for_reader(context, page)
    return fragment_cached(
        name="story-meta",
        key=(
            getattr(site, "pk", None),
            getattr(site, "root_url", None),
            *(version or ()),
            _bylines_and_tags(context),
        ),
        render=render,
        keep=version is not None,
    )


def _bylines_and_tags(context) -> tuple:
    return (
        tuple(author.pk for author in context.get("authors", ())),
        tuple(tag.pk for tag in context.get("tags", ())),
    )


def _story_part(context, page, *, name: str, key: tuple = ()):
    """Render components/<name>.html for a story; a reader's is kept as its body is."""
    version = _kept_for_reader(context, page)
    values = {"page": page, "authors": context.get("authors", ()), "tags": context.get("tags", ())}
    return fragment_cached(
        name=name,
        key=(*(version or ()), *key),
        render=lambda: inclusion_render(
            context, template_name=f"components/{name}.html", values=values
        ),
        keep=version is not None,
    )


@register.simple_tag(takes_context=True)
def story_lead(context, page):
    """The lead image at three widths, with its caption and credit."""
    return _story_part(context, page, name="story_lead")


@register.simple_tag(takes_context=True)
def story_footer(context, page):
    """A box about each author, with their photo, and the story's tags."""
    return _story_part(context, page, name="story_footer", key=_bylines_and_tags(context))


@register.filter
def ld_json(data):
    """Serialise data for a <script type="application/ld+json"> block, escaped like json_script."""
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder).translate(_JSON_SCRIPT_ESCAPES))  # noqa: S308 # nosec B308 B703 # nosemgrep: newsdesk-mark-safe - <, > and & escaped as json_script does
