"""One-click moderation from the queue's rows; bulk decisions go through bulk_actions.py."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request

from .decisions import DECISIONS
from .models import Comment
from .permissions import user_can_moderate


@require_POST
def comment_decide(request, pk: int):
    if not user_can_moderate(request.user):
        raise PermissionDenied
    comment = get_object_or_404(Comment, pk=pk)
    decision = DECISIONS.get(request.POST.get("action", ""))
    if decision:
        decision.apply(comment_ids=[comment.pk], user=request.user)
        messages.success(request, f"Comment by {comment.name} {decision.done}.")
    else:
        messages.error(request, "Unknown moderation action.")
    next_url = get_valid_next_url_from_request(request)
    return redirect(next_url or reverse(Comment.snippet_viewset.get_url_name("list")))
