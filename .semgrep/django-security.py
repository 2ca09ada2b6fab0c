# Examples for `semgrep --test .semgrep`: each "ruleid" line must be flagged, each "ok" line not.
from django.db.models.expressions import RawSQL
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.csrf import csrf_exempt

from newsdesk.articles.models import ArticlePage


def headline_html(title):
    # ruleid: newsdesk-mark-safe
    return mark_safe(f"<h2>{title}</h2>")


def headline_formatted(title):
    # ok: newsdesk-mark-safe
    return format_html("<h2>{}</h2>", title)


def empty_snippet():
    # ok: newsdesk-mark-safe
    return SafeString("")


def snippet_of(text):
    # ruleid: newsdesk-mark-safe
    return SafeString(text)


def waived(text):
    return mark_safe(text)  # nosemgrep: newsdesk-mark-safe - the examples' own waiver


# ruleid: newsdesk-csrf-exempt
@csrf_exempt
def beacon(request):
    return None


def wrapped(view):
    # ruleid: newsdesk-csrf-exempt
    return csrf_exempt(view)


def stories_by_title(title):
    # ruleid: newsdesk-raw-sql
    return ArticlePage.objects.raw(f"SELECT * FROM articles WHERE title = '{title}'")


def stories_with_extra():
    # ruleid: newsdesk-raw-sql
    return ArticlePage.objects.filter(live=True).extra(where=["1=1"])


def stories_annotated():
    # ruleid: newsdesk-raw-sql
    return ArticlePage.objects.annotate(n=RawSQL("SELECT 1", []))


def stories_filtered(title):
    # ok: newsdesk-raw-sql
    return ArticlePage.objects.filter(title=title)
