"""The editors' readership pages in the Wagtail admin: site-wide and per story."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from newsdesk.articles.models import ArticlePage

from .charts import bar_chart
from .readership import beacon_outcomes, reads_daily, reads_hourly
from .selectors import popular_now_ranked, weekly_best_ranked
from .store import read_store

PERMISSION = "analytics.view_readership"
TOP = 20


def _charts(*, article_id: int | None = None) -> list[dict]:
    kwargs = {} if article_id is None else {"article_id": article_id}
    hourly, daily = reads_hourly(hours=48, **kwargs), reads_daily(days=30, **kwargs)
    return [
        {
            "id": "hourly",
            "title": "Reads per hour, last 48 hours",
            "svg": bar_chart(points=hourly, title="Reads per hour", label_every=6),
            "points": hourly,
        },
        {
            "id": "daily",
            "title": "Reads per day, last 30 days",
            "svg": bar_chart(points=daily, title="Reads per day", label_every=5),
            "points": daily,
        },
    ]


@permission_required(PERMISSION, raise_exception=True)
def readership_index(request):
    return TemplateResponse(
        request,
        "analytics/admin/readership.html",
        {
            "page_title": "Readership",
            "header_icon": "glasses",
            "charts": _charts(),
            "popular": popular_now_ranked(limit=TOP),
            "weekly": weekly_best_ranked(limit=TOP),
            "outcomes": beacon_outcomes(days=7),
            "overrides_url": reverse("wagtailsnippets_analytics_rankingoverride:list"),
        },
    )


@permission_required(PERMISSION, raise_exception=True)
def readership_story(request, page_id: int):
    story = get_object_or_404(ArticlePage, pk=page_id)
    store = read_store()
    return TemplateResponse(
        request,
        "analytics/admin/readership_story.html",
        {
            "page_title": f"Readership: {story.title}",
            "header_icon": "glasses",
            "story": story,
            "total": f"{store.views(article_ids=[story.pk]).get(story.pk, 0):,}",
            "week": f"{store.weekly_of(article_ids=[story.pk]).get(story.pk, 0):,}",
            "charts": _charts(article_id=story.pk),
        },
    )
