"""sitemap.xml (an index, paged past 50,000 URLs) and the news sitemap of the last 48 hours."""

from datetime import timedelta

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import Author, HomePage
from .selectors import articles_published, sections_in_nav

NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000


class StorySitemap(Sitemap):
    limit = 50_000
    protocol = None

    def items(self):
        return (
            articles_published()
            .defer_streamfields()
            .only("url_path", "last_published_at", "first_published_at")
            .order_by("-first_published_at", "-pk")
        )

    def location(self, item):
        return item.url

    def lastmod(self, item):
        return item.last_published_at or item.first_published_at

    def get_latest_lastmod(self):
        # For the index: Django's own way loads every story to find the newest date.
        newest = Coalesce("last_published_at", "first_published_at")
        return articles_published().aggregate(newest=Max(newest))["newest"]


class FrontSitemap(Sitemap):
    """The home page and the section fronts."""

    changefreq = "hourly"

    def items(self):
        # Named by its own table's ids, or SQLite scans the whole page tree for it.
        home = HomePage.objects.live().filter(pk__in=HomePage.objects.values("pk"))
        return [*home, *sections_in_nav()]

    def location(self, item):
        return item.url


class AuthorSitemap(Sitemap):
    def items(self):
        return (
            Author.objects.filter(article_links__page__in=articles_published())
            .distinct()
            .order_by("slug")
        )


SITEMAPS = {"fronts": FrontSitemap, "stories": StorySitemap, "authors": AuthorSitemap}


def news_sitemap_stories():
    """Return the stories published in the last 48 hours, newest first, for the news sitemap."""
    since = timezone.now() - NEWS_WINDOW
    return list(
        articles_published()
        .filter(first_published_at__gte=since)
        .defer_streamfields()
        .order_by("-first_published_at")[:NEWS_LIMIT]
    )
