"""Print Popular Now / Weekly Best selector latency with 1k, 100k and 1M stories in the store.

Needs a database with the demo content and demo reads (make run does it, or
`manage.py demo_content && manage.py demo_reads`); point NEWSDESK_VAR_DIR at a
copy, as this adds up to a million rows of reads. The recent demo stories keep
their seeded reads; the store is topped up with old, little-read stories
(ids from 10^9, not pages) so that it holds N stories, as a long archive does:
the selectors must not care how long the tail is. Measured on the database
store, and on Redis too when REDIS_URL is set.

    NEWSDESK_VAR_DIR=/tmp/copy REDIS_URL=redis://127.0.0.1:6379/15 \
        .venv/bin/python bench/reads_selectors.py
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ["DEBUG"] = "0"
REDIS_URL = os.environ.pop("REDIS_URL", "")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

from newsdesk.analytics.models import StoryReads  # noqa: E402
from newsdesk.analytics.selectors import (  # noqa: E402
    articles_popular_now,
    articles_weekly_best,
    story_views,
)
from newsdesk.analytics.store import read_store  # noqa: E402
from newsdesk.articles.models import ArticlePage, SectionPage  # noqa: E402

SIZES = (1_000, 100_000, 1_000_000)
ROUNDS = 300
TAIL_START = 10**9
BATCH = 20_000


def tail_fill(*, size: int) -> None:
    """Top the store up to `size` stories with old ones read a little now and then."""
    rng = random.Random(size)
    have = StoryReads.objects.count()
    start = TAIL_START + StoryReads.objects.filter(article_id__gte=TAIL_START).count()
    rows = []
    for article_id in range(start, start + max(size - have, 0)):
        week = rng.choice((0, 0, 0, 1, 2, 3, 5, 8))
        popular = rng.random() * 1e-3 if rng.random() < 0.05 else 0.0
        rows.append(StoryReads(article_id=article_id, total=week + 40, week=week, popular=popular))
        if len(rows) == BATCH:
            StoryReads.objects.bulk_create(rows)
            rows = []
    StoryReads.objects.bulk_create(rows)


def timed(call) -> tuple[float, float]:
    call()
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


def measure(label: str, size: int) -> dict[str, float]:
    section = SectionPage.objects.live().first()
    story = ArticlePage.objects.published().newest_first().first()
    calls = {
        "popular_now(5)": lambda: articles_popular_now(limit=5),
        "weekly_best(5)": lambda: articles_weekly_best(limit=5),
        "weekly_best(section)": lambda: articles_weekly_best(limit=5, section=section),
        "story_views": lambda: story_views(article_id=story.pk),
    }
    medians = {}
    for name, call in calls.items():
        median, p99 = timed(call)
        medians[name] = median
        print(f"{label:<9}{size:>11,}  {name:<22}{median:>9.3f}{p99:>9.3f}")
    return medians


def main() -> None:
    backends = [("database", "")] + ([("redis", REDIS_URL)] if REDIS_URL else [])
    settings.NEWSDESK_ANALYTICS_REDIS_PREFIX = "newsdesk-bench:reads:"
    results: dict[tuple[str, int], dict[str, float]] = {}
    print(f"{'store':<9}{'stories':>11}  {'selector':<22}{'p50 ms':>9}{'p99 ms':>9}")
    for size in SIZES:
        tail_fill(size=size)
        for label, url in backends:
            settings.REDIS_URL = url
            store = read_store()
            if label == "redis":
                store.keys_delete()
                store.maintain(now=time.time())  # rebuilds Redis from the database
            results[(label, size)] = measure(label, size)
    print("\nratio of the median at 1M stories to 1k:")
    for label, _ in backends:
        first, last = results[(label, SIZES[0])], results[(label, SIZES[-1])]
        ratios = ", ".join(f"{n} {last[n] / first[n]:.2f}x" for n in first)
        print(f"  {label}: {ratios}")
    if REDIS_URL:
        settings.REDIS_URL = REDIS_URL
        read_store().keys_delete()


if __name__ == "__main__":
    main()
