from django import template
from django.conf import settings

from newsdesk.core.pagecache.fragments import fragment_cached, inclusion_render
from newsdesk.recommendations.selectors import articles_related

register = template.Library()


# Kept once rendered (fragments.py): a stored list changes only when the worker writes
# it, which clears the story's pages (services.related_lists_write).
@register.simple_tag(takes_context=True)
def related_stories(context, page):
    return fragment_cached(
        name="related-stories",
        key=page.pk,
        render=lambda: inclusion_render(
            context,
            template_name="components/story_list.html",
            values={
                "title": "You May Also Like",
                "list_id": "related",
                "stories": articles_related(
                    story_id=page.pk, limit=settings.NEWSDESK_RELATED_LIMIT
                ),
                "numbered": True,
            },
        ),
    )
