"""Refresh a story when the admin changes it outside the services: deletes, story settings."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Comment, CommentThread


@receiver(post_delete, sender=Comment)
@receiver(post_save, sender=CommentThread)
@receiver(post_delete, sender=CommentThread)
def story_refresh_on_admin_change(sender, instance, **kwargs):
    from .services import story_refresh

    story_refresh(page_id=instance.page_id)
