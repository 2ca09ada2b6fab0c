from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _roles_after_migrate(sender, **kwargs):
    from .roles import editorial_roles_ensure

    editorial_roles_ensure()


class ArticlesConfig(AppConfig):
    name = "newsdesk.articles"
    label = "articles"
    verbose_name = "Articles"

    def ready(self):
        from . import page_cache, signals  # noqa: F401

        # Permissions exist only once every app has migrated, so roles are set here.
        post_migrate.connect(_roles_after_migrate, sender=self)
