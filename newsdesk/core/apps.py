from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "newsdesk.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from .visibility import restrictions_follow_requests

        restrictions_follow_requests()
