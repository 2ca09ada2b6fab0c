"""Keep the denormalised primary section right when a story moves."""

from django.dispatch import receiver
from wagtail.signals import post_page_move

from .models import ArticlePage


@receiver(post_page_move)
def story_section_follow_move(sender, instance, parent_page_after, **kwargs):
    if issubclass(sender, ArticlePage):
        ArticlePage.objects.filter(pk=instance.pk).update(section_id=parent_page_after.pk)
