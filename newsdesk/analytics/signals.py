"""Cache invalidation only: forget a story's state when it is published or withdrawn,
and drop the cached lists when editors change a pin or keep-out."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .lists import lists_invalidate
from .models import RankingOverride
from .stories import story_forget


@receiver(page_published)
@receiver(page_unpublished)
def story_state_changed(sender, instance, **kwargs):
    story_forget(article_id=instance.pk)
    lists_invalidate()


@receiver(post_save, sender=RankingOverride)
@receiver(post_delete, sender=RankingOverride)
def override_changed(sender, **kwargs):
    lists_invalidate()
