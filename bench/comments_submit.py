"""Print how many comment submissions per second one process stores, through the endpoint.

Every post passes the whole path: Origin check, form, token, rate limits (shared
store: the database, or Redis when REDIS_URL is set), every rule including the
classifier, and the insert. Distinct visitors and e-mails, so no limit is hit.
Runs in a transaction that is rolled back: `.venv/bin/python bench/comments_submit.py`.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ["DEBUG"] = "0"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from newsdesk.articles.models import ArticlePage  # noqa: E402
from newsdesk.comments import guard  # noqa: E402
from newsdesk.comments.models import Comment  # noqa: E402
from newsdesk.comments.ratelimit import rate_limiter  # noqa: E402

POSTS = 300


def main() -> None:
    story = ArticlePage.objects.published().newest_first().first()
    if story is None:
        sys.exit("Needs the demo content: make run (or manage.py demo_content) first.")
    client = Client(HTTP_HOST="127.0.0.1")
    issued = time.time() - settings.NEWSDESK_COMMENTS_MIN_SECONDS - 1
    posts = [
        {
            "name": f"Reader {n}",
            "email": f"bench{n}@readers.example",
            "text": f"Comment number {n}: the sea wall needs funding, see https://example.org/{n}",
            "token": guard.form_token_issue(page_id=story.pk, now=issued),
        }
        for n in range(POSTS)
    ]
    store = type(rate_limiter()).__name__
    with transaction.atomic():
        before = Comment.objects.count()
        queries = 0

        def count(execute, sql, params, many, context):
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        start = time.perf_counter()
        with connection.execute_wrapper(count):
            for n, data in enumerate(posts):
                response = client.post(
                    f"/comments/{story.pk}/post/",
                    data,
                    HTTP_ORIGIN="http://127.0.0.1",
                    HTTP_ACCEPT="application/json",
                    REMOTE_ADDR=f"10.{n // 65536}.{n // 256 % 256}.{n % 256}",
                )
                assert response.status_code == 200, (response.status_code, response.content)
        elapsed = time.perf_counter() - start
        stored = Comment.objects.count() - before
        transaction.set_rollback(True)
    rate_limiter().clear() if settings.REDIS_URL else None
    print(f"database: {connection.vendor}, rate-limit store: {store}")
    print(f"{POSTS} posts, {stored} stored, {elapsed:.2f} s")
    print(f"{POSTS / elapsed:.0f} submissions per second in one process")
    print(f"{queries / POSTS:.1f} queries per submission, {elapsed / POSTS * 1000:.1f} ms each")


if __name__ == "__main__":
    main()
