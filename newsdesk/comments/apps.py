from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _permissions_after_migrate(sender, **kwargs):
    from .roles import comment_roles_ensure

    comment_roles_ensure()


class CommentsConfig(AppConfig):
    name = "newsdesk.comments"
    label = "comments"
    verbose_name = "Comments"

    def ready(self):
        from . import signals  # noqa: F401

        # articles' own post_migrate resets the groups first; ours runs after it
        # (INSTALLED_APPS order) and adds the comment permissions on top.
        post_migrate.connect(_permissions_after_migrate, sender=self)
