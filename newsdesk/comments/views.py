"""Readers' endpoints: a form token, posting (with or without script), paged lists, reports.

Posting and reporting are exempt from Django's cookie-based CSRF check because
the pages they come from are cached for everyone; guard.py protects them
instead (Origin/Referer check plus a signed, short-lived form token).
"""

from django.conf import settings
from django.db import DatabaseError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from newsdesk.core.numbers import whole_number

from . import guard
from .forms import CommentForm, ReportForm
from .identity import visitor_hash
from .models import Comment, CommentSettings
from .selectors import comment_visible_get, comments_page, story_published_get
from .services import HELD, LIMITED, PUBLISHED, REJECTED, comment_report, comment_submit
from .text import text_length, text_normalise, text_render
from .urls_helpers import comment_urls


def _wants_json(request) -> bool:
    return request.headers.get("Accept", "").startswith("application/json")


def _story_or_404(page_id: int):
    page = story_published_get(page_id=page_id)
    if page is None:
        raise Http404("No such story.")
    return page


def _no_store(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    return response


def _form_page(
    request, *, page, form, status=200, heading="Post a comment", message="", parent=None
):
    """Render the standalone form with a fresh token; the reader's text stays in the box."""
    typed = text_normalise(text=form["text"].value() or "")
    checked = getattr(form, "cleaned_data", {}).get("text")
    context = {
        "page": page,
        "form": form,
        "token": guard.form_token_issue(page_id=page.pk),
        "heading": heading,
        "message": message,
        "parent": parent,
        "preview": text_render(text=checked) if checked else "",
        "length": text_length(text=typed),
        "max_length": settings.NEWSDESK_COMMENTS_MAX_LENGTH,
    }
    return _no_store(render(request, "comments/form_page.html", context, status=status))


def _answer(request, *, page, form, status, outcome, message, errors=None, parent=None):
    """Say why a post was not stored: JSON for script, else the form page with the text kept."""
    if _wants_json(request):
        body = {"outcome": outcome, "message": message, "errors": errors or {}}
        return _no_store(JsonResponse(body, status=status))
    confirm = outcome in ("confirm", "too_fast")
    heading = "Check your comment" if confirm else "Your comment was not posted"
    return _form_page(
        request,
        page=page,
        form=form,
        status=status,
        heading=heading,
        message=message,
        parent=parent,
    )


@require_GET
def comment_token(request, page_id: int):
    """Hand out a fresh form token for a story; fetched by script when the box gets focus."""
    _story_or_404(page_id)
    return _no_store(JsonResponse({"token": guard.form_token_issue(page_id=page_id)}))


@require_GET
def comment_write(request, page_id: int):
    """The form on its own page, for replying without script; it carries a fresh token."""
    page = _story_or_404(page_id)
    parent = None
    reply_to = whole_number(request.GET.get("reply_to", ""))
    if reply_to is not None:
        parent = comment_visible_get(comment_id=reply_to, page_id=page.pk)
    initial = {"parent": parent.pk} if parent else {}
    return _form_page(request, page=page, form=CommentForm(initial=initial), parent=parent)


UNSAVED = (
    "We could not save your comment just now. Your text is kept: please send it again in a minute."
)
# What the reader typed is handed back as it came, cut to sizes no form field exceeds.
KEPT_FIELDS = {"name": 400, "email": 254, "text": 10_000, "parent": 20, "token": 500}


def _unsaved(request) -> HttpResponse:
    """The database is unreachable: hand the reader's words back without touching it."""
    if _wants_json(request):
        response = JsonResponse({"outcome": "error", "message": UNSAVED, "errors": {}}, status=503)
    else:
        kept = {name: request.POST.get(name, "")[:size] for name, size in KEPT_FIELDS.items()}
        context = {"message": UNSAVED, "kept": kept}
        response = render(request, "comments/unsaved.html", context, status=503)
    response["Retry-After"] = "30"
    return _no_store(response)


@csrf_exempt  # nosemgrep: newsdesk-csrf-exempt - guard.py checks Origin and a signed form token
@require_http_methods(["POST"])
def comment_post(request, page_id: int):
    try:
        return _comment_post(request, page_id)
    except DatabaseError:
        return _unsaved(request)


def _comment_post(request, page_id: int):
    page = _story_or_404(page_id)
    if not guard.request_same_origin(request=request):
        return _no_store(HttpResponse("Comments are posted from our own pages only.", status=403))
    form = CommentForm(request.POST)
    if not form.is_valid():
        errors = {field: [str(e) for e in errs] for field, errs in form.errors.items()}
        return _answer(
            request,
            page=page,
            form=form,
            status=400,
            outcome="invalid",
            message="Please correct the comment below.",
            errors=errors,
        )
    data = form.cleaned_data
    if data["website"]:
        # A bot filled the hidden field: answer as if held, keep nothing.
        return _posted(request, page=page, outcome=HELD, message="Thank you.", comment=None)
    parent = None
    if data["parent"]:
        parent = comment_visible_get(comment_id=data["parent"], page_id=page.pk)
        if parent is None:
            return _answer(
                request,
                page=page,
                form=form,
                status=400,
                outcome="invalid",
                message="The comment you replied to is no longer shown.",
            )
        parent = parent if parent.parent_id is None else parent.parent  # one level deep
    try:
        token = guard.form_token_read(token=data["token"], page_id=page.pk)
    except guard.TokenError:
        return _answer(
            request,
            page=page,
            form=form,
            status=200 if not _wants_json(request) else 400,
            outcome="confirm",
            message="Please check your comment and send it.",
            parent=parent,
        )
    if guard.form_token_age(token=token) < settings.NEWSDESK_COMMENTS_MIN_SECONDS:
        return _answer(
            request,
            page=page,
            form=form,
            status=400,
            outcome="too_fast",
            parent=parent,
            message="That was very quick. Please check your comment and send it again.",
        )
    try:
        result = comment_submit(
            page=page,
            site_settings=CommentSettings.for_request(request),
            name=data["name"],
            email=data["email"],
            text=data["text"],
            visitor=visitor_hash(request=request),
            idempotency_key=token.nonce,
            parent=parent,
        )
    except DatabaseError:
        return _answer(
            request,
            page=page,
            form=form,
            status=503,
            outcome="error",
            parent=parent,
            message=UNSAVED,
        )
    if result.outcome in (REJECTED, LIMITED):
        status = 429 if result.outcome == LIMITED else 400
        response = _answer(
            request,
            page=page,
            form=form,
            status=status,
            outcome=result.outcome,
            message=result.message,
            parent=parent,
        )
        if result.retry_after:
            response["Retry-After"] = str(result.retry_after)
        return response
    return _posted(
        request, page=page, outcome=result.outcome, message=result.message, comment=result.comment
    )


def _posted(request, *, page, outcome, message, comment):
    if not _wants_json(request):
        return redirect(f"{page.get_url(request)}?comment={outcome}#comments")
    body = {"outcome": outcome, "message": message}
    if outcome == PUBLISHED and comment is not None:
        comment.visible_replies = []
        context = {"comment": comment, "page": page, **comment_urls(page=page)}
        body["html"] = render_to_string("comments/comment.html", context, request=request)
        body["id"] = comment.pk
        body["parent"] = comment.parent_id
    return _no_store(JsonResponse(body))


@require_GET
def comment_list(request, page_id: int):
    """One page of a story's comments: a whole page without script, a fragment for it."""
    page = _story_or_404(page_id)
    number = whole_number(request.GET.get("page", "1"), max_digits=6)
    if not number:
        raise Http404("No such page of comments.")
    thread = comments_page(
        page=page, site_settings=CommentSettings.for_request(request), number=number
    )
    if number > 1 and not thread.comments:
        raise Http404("No such page of comments.")
    template = (
        "comments/list_fragment.html" if request.GET.get("fragment") else "comments/list_page.html"
    )
    return render(request, template, {"page": page, "thread": thread, **comment_urls(page=page)})


@csrf_exempt  # nosemgrep: newsdesk-csrf-exempt - guard.py checks Origin and a signed form token
@require_http_methods(["GET", "POST"])
def comment_report_view(request):
    """Let a reader report a comment; the form page is uncached and carries its own token."""
    comment_id = whole_number(request.GET.get("comment", ""))
    if comment_id is None:
        raise Http404("No such comment.")
    comment = get_object_or_404(Comment.objects.visible(), pk=comment_id)
    page = _story_or_404(comment.page_id)
    form = ReportForm(request.POST or None)
    if request.method == "POST":
        if not guard.request_same_origin(request=request):
            return _no_store(HttpResponse("Reports are sent from our own pages only.", status=403))
        if form.is_valid():
            try:
                guard.form_token_read(token=form.cleaned_data["token"], page_id=page.pk)
            except guard.TokenError:
                form.add_error(None, "This form is too old. Please choose again and send it.")
            else:
                comment_report(
                    comment=comment,
                    reporter=visitor_hash(request=request),
                    reason=form.cleaned_data["reason"],
                )
                return redirect(f"{page.get_url(request)}?comment=reported#comments")
    context = {
        "page": page,
        "comment": comment,
        "form": form,
        "token": guard.form_token_issue(page_id=page.pk),
    }
    return _no_store(
        render(request, "comments/report_page.html", context, status=400 if form.errors else 200)
    )
