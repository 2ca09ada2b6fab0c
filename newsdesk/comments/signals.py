"""Refresh a story when the admin changes it outside the services: deletes, story settings."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from newsdesk.articles.page_cache import ALL
from newsdesk.core.pagecache import pages_invalidate

from .models import Comment, CommentSettings, CommentThread


@receiver(post_delete, sender=Comment)
@receiver(post_save, sender=CommentThread)
@receiver(post_delete, sender=CommentThread)
def story_refresh_on_admin_change(sender, instance, **kwargs):
    from .services import story_refresh

    story_refresh(page_id=instance.page_id)


@receiver(post_save, sender=CommentSettings)
@receiver(post_delete, sender=CommentSettings)
def stories_refresh_on_settings_change(sender, instance, created=False, **kwargs):
    # Moderation and closing by age show under every story. A row just created holds
    # the defaults the pages were rendered with (the first render of a site creates it,
    # and clearing then would keep that render out of the page cache); the admin's
    # settings form saves the row again with the editor's values.
    if not created:
        pages_invalidate(tags={ALL})
