"""Print what related stories cost: the full rebuild, and one new story among all the others.

Run on a throwaway demo database, since it publishes new stories into it:
    NEWSDESK_VAR_DIR=/tmp/demo-100k .venv/bin/python manage.py demo_content --articles 100000
    NEWSDESK_VAR_DIR=/tmp/demo-100k .venv/bin/python bench/related_cost.py
"""

import argparse
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

from newsdesk.articles.demo.text import story_text_compose  # noqa: E402
from newsdesk.articles.demo.topics import TOPICS  # noqa: E402
from newsdesk.articles.models import ArticlePage, Author, SectionPage  # noqa: E402
from newsdesk.articles.tests.factories import ArticlePageFactory  # noqa: E402
from newsdesk.recommendations import index as related_index  # noqa: E402
from newsdesk.recommendations.engine import Recency  # noqa: E402
from newsdesk.recommendations.services import (  # noqa: E402
    STORED,
    related_pending_process,
    related_rebuild,
)


def seconds(action) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def story_publish(number: int) -> ArticlePage:
    """Publish a new story on a demo topic through Wagtail, as an editor would."""
    topic = TOPICS[number % len(TOPICS)]
    text = story_text_compose(
        topic=topic, rng=random.Random(f"bench:{number}"), turn=number, image_ids=[]
    )
    return ArticlePageFactory(
        section=SectionPage.objects.get(slug=topic.section),
        authors=[Author.objects.first()],
        title=text.title,
        deck=text.deck,
        tags=text.tags,
        body=text.body,
        lead_image=None,
    )


def new_story_costs(rounds: int) -> None:
    recency = Recency(
        weight=settings.NEWSDESK_RELATED_RECENCY_WEIGHT,
        half_life_days=settings.NEWSDESK_RELATED_HALF_LIFE_DAYS,
    )
    one, jobs = [], []
    for number in range(rounds):
        story = story_publish(number)
        sync, index = seconds(related_index.index_current)
        single, _ = seconds(
            lambda index=index, story=story: index.vectors.related(
                ids=[story.pk], limit=STORED, recency=recency
            )
        )
        one.append(sync + single)
        job, _ = seconds(related_pending_process)
        jobs.append(job)
    print(
        f"one new story: its related list in median {statistics.median(one) * 1000:.0f} ms, "
        f"max {max(one) * 1000:.0f} ms (bringing the index level with the database included)"
    )
    print(
        f"worker job for it (its list, its {STORED} nearest stories' lists, writes): "
        f"median {statistics.median(jobs) * 1000:.0f} ms, max {max(jobs) * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10, help="New stories to publish.")
    parser.add_argument("--no-rebuild", action="store_true", help="Use the saved index.")
    options = parser.parse_args()
    count = ArticlePage.objects.published().count()
    print(f"{count} published stories, {connection.vendor}")
    if not options.no_rebuild:
        total, report = seconds(related_rebuild)
        print(
            f"full rebuild: {total:.1f} s (reading and fitting {report.fit_seconds:.1f} s, "
            f"lists computed and stored {report.lists_seconds:.1f} s)"
        )
    related_index._loaded.clear()
    load, index = seconds(related_index.index_current)
    print(
        f"worker start: index loaded from its file in {load:.1f} s ({len(index.vectors)} stories)"
    )
    new_story_costs(options.rounds)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
