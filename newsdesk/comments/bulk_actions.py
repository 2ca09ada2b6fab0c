"""Approve, reject, mark as spam or ban many comments at once from the queue."""

from django.utils.functional import classproperty
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .models import Comment
from .permissions import user_can_moderate
from .services import comments_decide, posters_ban


class ModerateBulkAction(SnippetBulkAction):
    template_name = "comments/admin/confirm_bulk_moderate.html"
    status = ""
    done = ""

    @classproperty
    def models(cls):
        return [Comment]

    def check_perm(self, obj):
        return user_can_moderate(self.request.user)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action": self}

    @classmethod
    def execute_action(cls, objects, **kwargs):
        user = kwargs["self"].request.user
        ids = [c.pk for c in objects]
        return comments_decide(comment_ids=ids, status=cls.status, user=user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"{num_parent_objects} comment(s) {self.done}."


class ApproveBulkAction(ModerateBulkAction):
    display_name = "Approve"
    action_type = "approve"
    aria_label = "Approve the selected comments"
    action_priority = 10
    status = Comment.Status.APPROVED
    done = "approved"


class RejectBulkAction(ModerateBulkAction):
    display_name = "Reject"
    action_type = "reject"
    aria_label = "Reject the selected comments"
    action_priority = 20
    status = Comment.Status.REJECTED
    done = "rejected"


class SpamBulkAction(ModerateBulkAction):
    display_name = "Spam"
    action_type = "spam"
    aria_label = "Mark the selected comments as spam"
    action_priority = 30
    status = Comment.Status.SPAM
    done = "marked as spam"


class BanBulkAction(ModerateBulkAction):
    display_name = "Ban posters"
    action_type = "ban"
    aria_label = "Ban the e-mail addresses and visitors behind the selected comments"
    action_priority = 40
    classes = {"serious"}
    done = "rejected and their posters banned"

    @classmethod
    def execute_action(cls, objects, **kwargs):
        user = kwargs["self"].request.user
        return posters_ban(comment_ids=[c.pk for c in objects], user=user), 0


BULK_ACTIONS = [ApproveBulkAction, RejectBulkAction, SpamBulkAction, BanBulkAction]
