from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _permissions_after_migrate(sender, **kwargs):
    from .permissions import readership_permissions_grant

    readership_permissions_grant()


class AnalyticsConfig(AppConfig):
    name = "newsdesk.analytics"
    label = "analytics"
    verbose_name = "Readership"

    def ready(self):
        from . import signals  # noqa: F401

        # articles.roles resets the newsroom groups after migrate; this app comes
        # later in INSTALLED_APPS, so its grant runs after that reset.
        post_migrate.connect(_permissions_after_migrate, sender=self)
