"""Indexing: a published story (new or edited) is queued for the worker, nothing more."""

from django.dispatch import receiver
from wagtail.signals import page_published

from newsdesk.articles.models import ArticlePage

from .services import related_mark_pending


@receiver(page_published)
def story_related_queue(sender, instance, **kwargs):
    if isinstance(instance, ArticlePage):
        related_mark_pending(story_ids=[instance.pk])
