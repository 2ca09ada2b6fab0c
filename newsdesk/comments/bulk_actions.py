"""Approve, reject, mark as spam or ban many comments at once from the queue."""

from django.utils.functional import classproperty
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .decisions import DECISIONS, Decision
from .models import Comment
from .permissions import user_can_moderate


class ModerateBulkAction(SnippetBulkAction):
    template_name = "comments/admin/confirm_bulk_moderate.html"
    decision: Decision

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
        return cls.decision.apply(comment_ids=[c.pk for c in objects], user=user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"{num_parent_objects} comment(s) {self.decision.done}."


def _bulk_action(action: str, decision: Decision, priority: int) -> type[ModerateBulkAction]:
    attributes = {
        "display_name": decision.label,
        "action_type": action,
        "aria_label": decision.describes,
        "action_priority": priority,
        "classes": {"serious"} if decision.serious else set(),
        "decision": decision,
    }
    return type(f"{action.title()}BulkAction", (ModerateBulkAction,), attributes)


BULK_ACTIONS = [
    _bulk_action(action, decision, priority=10 * place)
    for place, (action, decision) in enumerate(DECISIONS.items(), start=1)
]
