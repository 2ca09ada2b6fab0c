"""Print what one page and one read cost as the archive grows to 1,000,000 stories.

At each size the archive is topped up with bulk demo stories and with daily
read buckets worth 100 reads a story (100,000,000 reads at a million stories),
then the script measures, with the page cache off and the rails' lists kept
as they are between requests: queries and render time of a story page and of
the home page, and the cost of recording a read (database store, flushed in
its batches). Needs a demo database copy, as it adds millions of rows:

    cp -r var /tmp/scale && NEWSDESK_VAR_DIR=/tmp/scale NEWSDESK_PAGE_CACHE=0 \
        .venv/bin/python bench/scale_flat.py [SIZE ...]

Sizes default to 1,000, 100,000 and 1,000,000 stories.
"""

import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ["DEBUG"] = "0"
os.environ["NEWSDESK_PAGE_CACHE"] = "0"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from newsdesk.analytics.models import DailyReads, StoryReads  # noqa: E402
from newsdesk.analytics.services import read_record  # noqa: E402
from newsdesk.analytics.store import read_store  # noqa: E402
from newsdesk.articles.models import ArticlePage  # noqa: E402

SIZES = (1_000, 100_000, 1_000_000)
READS_PER_STORY = 100
BUCKET_DAYS = 4  # each story's reads spread over this many daily buckets
ROUNDS = 30
READS = 3_000
BATCH = 20_000


def archive_fill(*, size: int) -> None:
    missing = size - ArticlePage.objects.count()
    if missing > 0:
        call_command("demo_content", articles=missing, no_renditions=True, verbosity=0)


def buckets_fill() -> int:
    """Give every story without buckets READS_PER_STORY reads over BUCKET_DAYS days."""
    have = set(DailyReads.objects.values_list("article_id", flat=True).distinct())
    start = timezone.now().date() - timedelta(days=60)
    daily, totals = [], []
    for article_id in ArticlePage.objects.values_list("pk", flat=True).iterator():
        if article_id in have:
            continue
        for day in range(BUCKET_DAYS):
            daily.append(
                DailyReads(
                    article_id=article_id,
                    day=start + timedelta(days=day),
                    reads=READS_PER_STORY // BUCKET_DAYS,
                )
            )
        totals.append(StoryReads(article_id=article_id, total=READS_PER_STORY))
        if len(daily) >= BATCH:
            DailyReads.objects.bulk_create(daily)
            StoryReads.objects.bulk_create(totals, ignore_conflicts=True)
            daily, totals = [], []
    DailyReads.objects.bulk_create(daily)
    StoryReads.objects.bulk_create(totals, ignore_conflicts=True)
    return DailyReads.objects.count()


def page_cost(client: Client, url: str) -> tuple[int, float, float]:
    client.get(url)
    samples, queries = [], 0
    for _ in range(ROUNDS):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            assert client.get(url).status_code == 200
            samples.append((time.perf_counter() - start) * 1000)
        queries = len(captured)
    samples.sort()
    return queries, statistics.median(samples), samples[-1]


def read_cost(story_id: int) -> float:
    """Microseconds of CPU and I/O per recorded read, flushes included."""
    store = read_store()
    start = time.perf_counter()
    for n in range(READS):
        meta = {"REMOTE_ADDR": f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"}
        read_record(article_id=story_id, meta=meta, at=time.time())
    store.flush()
    return (time.perf_counter() - start) / READS * 1e6


def main() -> None:
    client = Client()
    story = ArticlePage.objects.published().newest_first().first()
    header = f"{'stories':>10}{'buckets':>11}{'page':>6}{'q':>4}{'p50 ms':>8}{'max ms':>8}"
    print(header + f"{'home q':>8}{'p50 ms':>8}{'read µs':>9}")
    results = []
    for size in [int(arg) for arg in sys.argv[1:]] or SIZES:
        archive_fill(size=size)
        buckets = buckets_fill()
        story_q, story_p50, story_max = page_cost(client, story.url)
        home_q, home_p50, _ = page_cost(client, "/")
        per_read = read_cost(story.pk)
        results.append((story_p50, home_p50, per_read))
        print(
            f"{ArticlePage.objects.count():>10,}{buckets:>11,}{'story':>6}{story_q:>4}"
            f"{story_p50:>8.1f}{story_max:>8.1f}{home_q:>8}{home_p50:>8.1f}{per_read:>9.0f}",
            flush=True,
        )
    first, last = results[0], results[-1]
    print(
        f"\nlargest / smallest: story page {last[0] / first[0]:.2f}x, "
        f"home {last[1] / first[1]:.2f}x, read {last[2] / first[2]:.2f}x"
    )


if __name__ == "__main__":
    main()
