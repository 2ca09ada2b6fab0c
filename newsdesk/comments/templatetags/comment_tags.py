from django import template
from django.conf import settings

from ..models import CommentSettings
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


@register.inclusion_tag("comments/block.html", takes_context=True)
def comments_for(context, page):
    """The comments under a story: count, approved threads, the form or a closed notice."""
    request = context["request"]
    return {
        "page": page,
        "thread": comments_page(page=page, site_settings=CommentSettings.for_request(request)),
        "notice": NOTICES.get(request.GET.get("comment", "")),
        "request": request,
        "max_length": settings.NEWSDESK_COMMENTS_MAX_LENGTH,
        **comment_urls(page=page),
    }


@register.filter
def comment_text(text: str):
    return text_render(text=text)
