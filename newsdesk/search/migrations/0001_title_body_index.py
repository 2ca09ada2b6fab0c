"""Let PostgreSQL find matches through an index instead of reading every indexed story.

Wagtail's PostgreSQL backend matches `title || body` against the query. The
GIN indexes it creates cover title and body apart, which that expression
cannot use, so every search read and decompressed the whole index table: at
100,000 stories a search page took 1.4 s at the median whatever it matched,
0.44 s with a GIN index on the same expression (newsdesk/search/README.md).
SQLite searches through FTS5 and needs nothing.
"""

from django.db import migrations

INDEX = "newsdesk_search_title_body_gin"


def index_create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # CONCURRENTLY: searches and indexing go on while it builds on a live site.
        schema_editor.execute(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX} "
            "ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def index_drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    atomic = False  # PostgreSQL builds an index concurrently only outside a transaction

    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(index_create, index_drop, elidable=False)]
