from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from newsdesk.articles.models import ArticlePage

from . import admin_views
from .models import RankingOverride

PERMISSION = admin_views.PERMISSION


class RankingOverrideViewSet(SnippetViewSet):
    model = RankingOverride
    icon = "thumbtack"
    menu_label = "Pins and keep-outs"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["story", "action", "ranking", "position", "until", "note"]
    list_filter = ["action", "ranking"]


register_snippet(RankingOverrideViewSet)


class ReadershipMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def readership_urls():
    return [
        path("readership/", admin_views.readership_index, name="analytics_readership"),
        path(
            "readership/story/<int:page_id>/",
            admin_views.readership_story,
            name="analytics_readership_story",
        ),
    ]


@hooks.register("register_admin_menu_item")
def readership_menu_item():
    return ReadershipMenuItem(
        "Readership", reverse("analytics_readership"), icon_name="glasses", order=270
    )


def _story_button(page, user, priority: int):
    if user.has_perm(PERMISSION) and page.specific_class is ArticlePage:
        yield Button(
            "Readership",
            reverse("analytics_readership_story", args=[page.pk]),
            icon_name="glasses",
            priority=priority,
        )


# Wagtail has no hook to add a panel to another app's page model, and articles
# must not know this app, so the per-story view is a page of its own, linked
# from the page listing's "more" menu and the page header's buttons.
@hooks.register("register_page_listing_more_buttons")
def readership_listing_button(page, user, next_url=None):
    yield from _story_button(page, user, priority=45)


@hooks.register("register_page_header_buttons")
def readership_header_button(page, user, view_name, next_url=None):
    yield from _story_button(page, user, priority=66)
