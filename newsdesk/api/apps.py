from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "newsdesk.api"
    label = "newsdesk_api"
    verbose_name = "JSON API"
