from django import template
from django.conf import settings

from newsdesk.recommendations.selectors import articles_related

register = template.Library()


@register.inclusion_tag("components/story_list.html")
def related_stories(page):
    return {
        "title": "You May Also Like",
        "list_id": "related",
        "stories": articles_related(story_id=page.pk, limit=settings.NEWSDESK_RELATED_LIMIT),
        "numbered": True,
    }
