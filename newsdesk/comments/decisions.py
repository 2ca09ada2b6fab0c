"""The moderators' decisions, in one table the queue's row buttons and bulk actions share."""

from dataclasses import dataclass

from .models import Comment
from .services import comments_decide, posters_ban


@dataclass(frozen=True)
class Decision:
    label: str  # the button
    describes: str  # what it does to the selection, for screen readers and the confirm page
    done: str  # completes "3 comments ..." and "Comment by Ana ..."
    status: str | None  # the status it gives; None bans the posters (and rejects)
    serious: bool = False

    def apply(self, *, comment_ids: list[int], user) -> int:
        if self.status is None:
            return posters_ban(comment_ids=comment_ids, user=user)
        return comments_decide(comment_ids=comment_ids, status=self.status, user=user)


DECISIONS = {
    "approve": Decision(
        label="Approve",
        describes="Approve the selected comments",
        done="approved",
        status=Comment.Status.APPROVED,
    ),
    "reject": Decision(
        label="Reject",
        describes="Reject the selected comments",
        done="rejected",
        status=Comment.Status.REJECTED,
    ),
    "spam": Decision(
        label="Spam",
        describes="Mark the selected comments as spam",
        done="marked as spam",
        status=Comment.Status.SPAM,
    ),
    "ban": Decision(
        label="Ban",
        describes="Ban the e-mail addresses and visitors behind the selected comments",
        done="rejected and the poster banned",
        status=None,
        serious=True,
    ),
}
