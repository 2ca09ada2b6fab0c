from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _pin_permissions_grant(sender, **kwargs):
    from .roles import pin_permissions_grant

    pin_permissions_grant()


class RecommendationsConfig(AppConfig):
    name = "newsdesk.recommendations"
    label = "recommendations"
    verbose_name = "Recommendations"

    def ready(self):
        from . import signals  # noqa: F401

        # Runs after articles' own post_migrate (apps migrate in INSTALLED_APPS order),
        # so the grant survives the roles being reset there.
        post_migrate.connect(_pin_permissions_grant, sender=self)
