"""Reads for the search page: matching published stories, and their marked-up passages."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.safestring import SafeString

from newsdesk.articles.models import ArticlePage, SectionPage
from newsdesk.articles.plain_text import body_plain_text

from .highlight import query_terms, snippet_mark, text_mark


@dataclass(frozen=True)
class SearchHit:
    story: ArticlePage
    headline: SafeString
    snippet: SafeString


def _day_start(day: date) -> datetime:
    # Dates are the newsroom's days, so a story at 00:30 London time is on that day.
    return timezone.make_aware(datetime.combine(day, time.min))


def stories_search(
    *,
    query: str,
    section: SectionPage | None = None,
    published_from: date | None = None,
    published_to: date | None = None,
):
    """Return published stories matching every word of the query, most relevant first.

    Recency breaks ties (see backend.py). Only words reach the search backend,
    so quotes and operators typed by readers cannot break its query syntax.
    Without words, the filtered stories come newest first.
    """
    stories = ArticlePage.objects.published().select_related("section").newest_first()
    if section is not None:
        stories = stories.filter(section=section)
    if published_from is not None:
        stories = stories.filter(first_published_at__gte=_day_start(published_from))
    if published_to is not None:
        stories = stories.filter(first_published_at__lt=_day_start(published_to + timedelta(1)))
    words = " ".join(query_terms(query))
    if not words:
        return stories
    return stories.search(words, operator="and")


def search_hits(*, stories, query: str) -> list[SearchHit]:
    """Mark the query's words in each story's headline and in a passage of its text."""
    terms = query_terms(query)
    hits = []
    for story in stories:
        # Without words there is no passage to show, so the body is not read.
        snippet = SafeString("")
        if terms:
            snippet = snippet_mark(text=body_plain_text(story.body), terms=terms)
        hits.append(
            SearchHit(
                story=story,
                headline=text_mark(text=story.title, terms=terms),
                snippet=snippet,
            )
        )
    return hits
