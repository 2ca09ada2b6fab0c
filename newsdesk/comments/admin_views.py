"""One-click moderation from the queue's rows; bulk decisions go through bulk_actions.py."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request

from .models import Comment
from .permissions import user_can_moderate
from .services import comments_decide, posters_ban

DECISIONS = {
    "approve": (Comment.Status.APPROVED, "Comment by {name} approved."),
    "reject": (Comment.Status.REJECTED, "Comment by {name} rejected."),
    "spam": (Comment.Status.SPAM, "Comment by {name} marked as spam."),
}


@require_POST
def comment_decide(request, pk: int):
    if not user_can_moderate(request.user):
        raise PermissionDenied
    comment = get_object_or_404(Comment, pk=pk)
    action = request.POST.get("action", "")
    if action == "ban":
        posters_ban(comment_ids=[comment.pk], user=request.user)
        messages.success(request, f"{comment.name} is banned; the comment is rejected.")
    elif action in DECISIONS:
        status, message = DECISIONS[action]
        comments_decide(comment_ids=[comment.pk], status=status, user=request.user)
        messages.success(request, message.format(name=comment.name))
    else:
        messages.error(request, "Unknown moderation action.")
    next_url = get_valid_next_url_from_request(request)
    return redirect(next_url or reverse(Comment.snippet_viewset.get_url_name("list")))
