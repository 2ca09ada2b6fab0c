from django import template
from django.conf import settings
from django.utils import timezone
from wagtail.models import Site

from newsdesk.articles.views import reader_request
from newsdesk.core.pagecache import page_max_age_limit
from newsdesk.core.pagecache.fragments import fragment_cached, inclusion_render

from ..models import CommentSettings
from ..rules import story_closes_in
from ..selectors import comments_page
from ..text import text_render
from ..urls_helpers import comment_urls

register = template.Library()

# The only messages a page shows after a post without script: fixed text, chosen by the
# query string the post redirects to, so the page holds nothing of one visitor.
NOTICES = {
    "published": "Thank you: your comment is published.",
    "held": "Thank you: your comment will appear once a moderator has read it.",
    "reported": "Thank you: a moderator will look at the comment you reported.",
}


@register.simple_tag(takes_context=True)
def comments_for(context, page):
    """The comments under a story: count, approved threads, the form or a closed notice.

    Kept once rendered (core/pagecache/fragments.py): every change of a story's
    comments, its comment mode or the comment settings clears it, and a story
    closing by age is rendered again when it closes.
    """
    request = context["request"]
    notice = request.GET.get("comment", "")
    notice = notice if notice in NOTICES else ""
    site = Site.find_for_request(request)

    def render():
        site_settings = CommentSettings.for_request(request)
        closes_in = story_closes_in(page=page, site_settings=site_settings, now=timezone.now())
        if closes_in is not None:
            page_max_age_limit(max(int(closes_in.total_seconds()), 1))
        values = {
            "page": page,
            "thread": comments_page(page=page, site_settings=site_settings),
            "notice": NOTICES.get(notice),
            "request": request,
            "max_length": settings.NEWSDESK_COMMENTS_MAX_LENGTH,
            **comment_urls(page=page),
        }
        return inclusion_render(context, template_name="comments/block.html", values=values)

    # A preview shows the draft's comment mode: it must neither use nor fill readers' copy.
    return fragment_cached(
        name="comments",
        key=(getattr(site, "pk", None), page.pk, notice),
        render=render,
        keep=reader_request(request),
    )


@register.filter
def comment_text(text: str):
    return text_render(text=text)
