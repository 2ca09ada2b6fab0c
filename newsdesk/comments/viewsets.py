"""The moderation queue and its neighbours in the Wagtail admin, under one "Comments" menu."""

import django_filters
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import format_html
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from newsdesk.articles.models import ArticlePage

from .decisions import DECISIONS
from .models import Ban, Comment, CommentThread

STATES = [
    ("held", "Held"),
    ("reported", "Reported"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("spam", "Spam"),
]


def _commented_stories(request):
    return ArticlePage.objects.filter(pk__in=Comment.objects.values("page_id")).order_by("title")


class CommentFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(label="State", choices=STATES, method="filter_state")
    story = django_filters.ModelChoiceFilter(
        label="Story", field_name="page", queryset=_commented_stories
    )

    class Meta:
        model = Comment
        fields = []

    def filter_state(self, queryset, name, value):
        if value == "reported":
            return queryset.reported()
        return queryset.filter(status=value)


class StoryColumn(Column):
    """The story, linking to the queue for that story alone (the per-story view)."""

    def get_value(self, instance):
        url = reverse(Comment.snippet_viewset.get_url_name("list"))
        return format_html(
            '<a href="{}?story={}">{}</a>', url, instance.page_id, instance.page.title
        )


class StateColumn(Column):
    def get_value(self, instance):
        reasons = instance.hold_reasons if instance.status == Comment.Status.HELD else ""
        return f"{instance.get_status_display()}{f' ({reasons})' if reasons else ''}"


class DecideColumn(Column):
    cell_template_name = "comments/admin/decide_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        context["csrf_token"] = get_token(request)
        context["next_url"] = request.get_full_path()
        context["decisions"] = DECISIONS.items()
        return context


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = "Moderation queue"
    list_display = [
        "__str__",
        StoryColumn("story", label="Story"),
        StateColumn("state", label="State"),
        Column("report_count", label="Reports", sort_key="report_count"),
        Column(
            "spam_score",
            label="Spam score",
            accessor=lambda c: "" if c.spam_score is None else f"{c.spam_score:.2f}",
        ),
        DateColumn("created_at", label="Posted", sort_key="created_at"),
        DecideColumn("decide", label="Decide"),
    ]
    filterset_class = CommentFilterSet
    search_fields = ["text", "name", "email"]
    ordering = ["-created_at", "-pk"]
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "email",
        "text",
        "page",
        "parent",
        "status",
        "hold_reasons",
        "spam_score",
        "report_count",
        "open_reports",
        "created_at",
        "decided_at",
        "decided_by",
    ]

    def get_queryset(self, request):
        return Comment.objects.select_related("page")


class CommentThreadViewSet(SnippetViewSet):
    model = CommentThread
    icon = "lock"
    menu_label = "Story settings"
    list_display = ["page", "mode"]
    list_filter = ["mode"]


class BanViewSet(SnippetViewSet):
    model = Ban
    icon = "warning"
    menu_label = "Bans"
    list_display = [
        "label",
        "kind",
        DateColumn("created_at", label="Banned"),
        DateColumn("expires_at", label="Until"),
    ]
    list_filter = ["kind"]


class CommentsViewSetGroup(SnippetViewSetGroup):
    items = (CommentViewSet, CommentThreadViewSet, BanViewSet)
    menu_icon = "comment"
    menu_label = "Comments"
    menu_order = 260
