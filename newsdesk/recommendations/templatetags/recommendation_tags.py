from django import template
from django.conf import settings

from newsdesk.articles.rails import story_rail
from newsdesk.recommendations.selectors import articles_related

register = template.Library()


# Kept once rendered: a stored list changes only when the worker writes it, which
# clears the story's pages (services.related_lists_write).
@register.simple_tag(takes_context=True)
def related_stories(context, page):
    return story_rail(
        context,
        name="related-stories",
        key=page.pk,
        title="You May Also Like",
        list_id="related",
        stories=lambda: articles_related(story_id=page.pk, limit=settings.NEWSDESK_RELATED_LIMIT),
        numbered=True,
    )
