"""Print search latency (p50, p99) on the current database: the page a reader gets, and the query.

Queries are drawn from the demo's vocabulary: single words, pairs, names, words
that match nothing, with and without section and date filters. The "page"
figure is the whole /search/ response through Django (form, search, count,
first page, passages, template); "query" is the search and count alone.

    NEWSDESK_VAR_DIR=/tmp/demo-100k .venv/bin/python bench/search_latency.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scratch .venv/bin/python bench/search_latency.py
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ["DEBUG"] = "0"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from newsdesk.articles.demo.topics import TOPICS  # noqa: E402
from newsdesk.articles.models import ArticlePage, SectionPage  # noqa: E402
from newsdesk.search.selectors import stories_search  # noqa: E402


def queries(count: int, rng: random.Random) -> list[dict]:
    """Return search requests of the kinds readers make, in a fixed random order."""
    sections = [s.slug for s in SectionPage.objects.live()]
    made = []
    for _ in range(count):
        topic = rng.choice(TOPICS)
        words = rng.choice(
            [
                rng.choice(topic.tags),
                rng.choice(topic.places),
                rng.choice(topic.orgs),
                f"{rng.choice(topic.tags)} {rng.choice(topic.places)}",
                rng.choice(["zeppelin", "marmalade quokka", "obsidian"]),
            ]
        )
        params = {"q": words}
        roll = rng.random()
        if roll < 0.2:
            params["section"] = rng.choice(sections)
        elif roll < 0.35:
            year = rng.choice([2024, 2025, 2026])
            params |= {"published_from": f"{year}-01-01", "published_to": f"{year}-06-30"}
        made.append(params)
    return made


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(name: str, timings: list[float]) -> None:
    p50, p99 = statistics.median(timings), percentile(timings, 0.99)
    print(f"{name:<6} p50 {p50:7.1f} ms   p99 {p99:7.1f} ms   max {max(timings):7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    options = parser.parse_args()
    rng = random.Random(2026)
    requests = queries(options.requests, rng)
    client = Client(HTTP_HOST="127.0.0.1")
    for params in requests[:20]:
        client.get("/search/", params)
    pages, counts = [], []
    for params in requests:
        started = time.perf_counter()
        response = client.get("/search/", params)
        pages.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (params, response.status_code)
    for params in requests:
        section = SectionPage.objects.get(slug=params["section"]) if "section" in params else None
        dates = {
            name: date.fromisoformat(params[name])
            for name in ("published_from", "published_to")
            if name in params
        }
        started = time.perf_counter()
        results = stories_search(query=params["q"], section=section, **dates)
        results.count()
        list(results[:20])
        counts.append((time.perf_counter() - started) * 1000)
    stories = ArticlePage.objects.published().count()
    print(f"{stories} published stories, {connection.vendor}, {len(requests)} searches")
    report("page", pages)
    report("query", counts)


if __name__ == "__main__":
    main()
