"""Print queries and render time of a story page with 5 and with 500 approved comments.

Runs against the demo database inside a transaction that is rolled back, so it
leaves nothing behind: `.venv/bin/python bench/comments_render.py`.
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

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from newsdesk.articles.models import ArticlePage  # noqa: E402
from newsdesk.comments.models import Comment  # noqa: E402

ROUNDS = 20
SIZES = [5, 50, 500]


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def comments_add(story: ArticlePage, count: int) -> None:
    """Add `count` approved comments: three in four start a thread, the rest reply."""
    tops = Comment.objects.bulk_create(
        Comment(
            page=story,
            name=f"Reader {n}",
            email="bench@readers.example",
            email_hash="bench",
            visitor_hash="bench",
            text=f"Bench comment {n} with a link https://example.org/{n}\nand a second line.",
            status=Comment.Status.APPROVED,
            idempotency_key=f"bench-{story.pk}-{count}-{n}",
        )
        for n in range(count - count // 4)
    )
    replies = count - len(tops)
    Comment.objects.bulk_create(
        Comment(
            page=story,
            parent=top,
            name="Replier",
            email="bench@readers.example",
            email_hash="bench",
            visitor_hash="bench",
            text="A reply.",
            status=Comment.Status.APPROVED,
            idempotency_key=f"bench-reply-{top.pk}",
        )
        for top in tops[:replies]
    )


def measure(client: Client, url: str) -> tuple[int, int, int, float]:
    client.get(url)
    queries = QueryCounter()
    with connection.execute_wrapper(queries):
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    shown = response.content.count(b'<li class="comment"')
    return queries.count, shown, len(response.content), statistics.median(timings)


def main() -> None:
    story = ArticlePage.objects.published().newest_first()[10:11].first()
    if story is None:
        sys.exit("Needs the demo content: make run (or manage.py demo_content) first.")
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"One story, {story.url}, uncached, in-process:")
    print(f"{'comments':>9}{'shown':>7}{'queries':>9}{'HTML bytes':>12}{'median ms':>11}")
    with transaction.atomic():
        for size in SIZES:
            Comment.objects.filter(page=story).delete()
            comments_add(story, size)
            count, shown, html, median = measure(client, story.url)
            print(f"{size:>9}{shown:>7}{count:>9}{html:>12,}{median:>11.1f}")
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
