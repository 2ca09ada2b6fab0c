"""An index on Wagtail's page table for "the newest stories under this section".

Lists of a section's stories (its front, the home page's blocks) filter on the
tree path and depth and sort by first publication; without this index the
database sorts every story of the section on each uncached view. Wagtail owns
the table, so the index is created here with plain SQL that SQLite and
PostgreSQL both accept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_author_links"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS newsdesk_page_depth_published "
            "ON wagtailcore_page (depth, first_published_at)",
            "DROP INDEX IF EXISTS newsdesk_page_depth_published",
        )
    ]
