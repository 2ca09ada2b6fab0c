from django.urls import path, reverse
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-step/", views.two_factor_verify, name="accounts_two_factor_verify"),
        path("two-step/setup/", views.two_factor_setup, name="accounts_two_factor_setup"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("accounts_two_factor_setup"),
        "label": "Two-step sign-in",
        "help_text": "Add an authenticator app; you will be asked for its code when you sign in.",
    }
