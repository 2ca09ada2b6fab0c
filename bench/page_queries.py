"""Print queries, render time and HTML size for the public pages, uncached.

Run against the demo database: `.venv/bin/python bench/page_queries.py`.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ["DEBUG"] = "0"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from newsdesk.articles.models import ArticlePage, Author, SectionPage  # noqa: E402

ROUNDS = 50


class QueryCounter:
    # Django resets its own query log at each request start, so count with a wrapper.
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(client: Client, url: str) -> tuple[int, int, float]:
    client.get(url)  # first hit builds any missing rendition
    queries = QueryCounter()
    with connection.execute_wrapper(queries):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    return queries.count, len(response.content), statistics.median(timings)


def main() -> None:
    client = Client(HTTP_HOST="127.0.0.1")
    story = ArticlePage.objects.published().newest_first().first()
    pages = {
        "article": story.url,
        "home": "/",
        "section": SectionPage.objects.live().first().url,
        "author": Author.objects.first().get_absolute_url(),
    }
    print(f"{'page':<10}{'queries':>9}{'HTML bytes':>12}{'median ms':>11}  (in-process, no cache)")
    for name, url in pages.items():
        count, size, median = measure(client, url)
        print(f"{name:<10}{count:>9}{size:>12,}{median:>11.1f}")


if __name__ == "__main__":
    main()
