from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from newsdesk.articles.models import ArticlePage

from . import admin_views
from .bulk_actions import BULK_ACTIONS
from .models import Ban, Comment
from .permissions import DecideOnlyPermissionPolicy, user_can_moderate
from .selectors import comments_waiting_count
from .viewsets import CommentsViewSetGroup

register_permission_policy(Comment, DecideOnlyPermissionPolicy(Comment))
register_permission_policy(Ban, DecideOnlyPermissionPolicy(Ban))
register_snippet(CommentsViewSetGroup)

for action in BULK_ACTIONS:
    hooks.register("register_bulk_action", action)


@hooks.register("register_admin_urls")
def comment_admin_urls():
    return [
        path(
            "comments-moderate/<int:pk>/",
            admin_views.comment_decide,
            name="comments_admin_decide",
        )
    ]


class CommentsSummaryItem(SummaryItem):
    order = 400
    template_name = "comments/admin/summary.html"

    def is_shown(self):
        return user_can_moderate(self.request.user)

    def get_context_data(self, parent_context):
        return {
            **comments_waiting_count(),
            "queue_url": reverse(Comment.snippet_viewset.get_url_name("list")),
        }


@hooks.register("construct_homepage_summary_items")
def comments_summary(request, items):
    items.append(CommentsSummaryItem(request))


@hooks.register("register_page_listing_more_buttons")
def story_comments_button(page, user, next_url=None):
    if issubclass(page.specific_class or type(page), ArticlePage) and user_can_moderate(user):
        url = reverse(Comment.snippet_viewset.get_url_name("list"))
        yield Button("Comments", url=f"{url}?story={page.pk}", icon_name="comment", priority=55)


@hooks.register("register_log_actions")
def comment_log_actions(actions):
    actions.register_action("comments.approve", "Approve comment", "Comment approved")
    actions.register_action("comments.reject", "Reject comment", "Comment rejected")
    actions.register_action("comments.spam", "Mark comment as spam", "Comment marked as spam")
    actions.register_action("comments.ban", "Ban poster", "Poster banned")
