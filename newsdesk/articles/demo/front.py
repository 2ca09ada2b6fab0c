"""Dress the front page: the home page's lead story and the editors' Must-Reads."""

import random

from django.conf import settings
from wagtail.models import Site

from newsdesk.articles.models import ArticlePage, HomePage, MustReadItem, MustReads

# Picks come from the newest stories, as an editor's would.
PICK_POOL = 40


def front_ensure(*, seed: int, home: HomePage) -> None:
    """Set the lead story and fill the Must-Reads where empty.

    Both are left alone once set, so an editor's later choices survive a rebuild.
    """
    newest = list(
        ArticlePage.objects.published().newest_first().values_list("pk", flat=True)[:PICK_POOL]
    )
    if not newest:
        return
    if home.lead_story_id is None:
        # An update, not a save: saving the page would go through revisions and signals.
        HomePage.objects.filter(pk=home.pk).update(lead_story_id=newest[0])
        home.lead_story_id = newest[0]
    must_reads = MustReads.for_site(Site.objects.get(root_page=home))
    if not must_reads.items.exists():
        # The lead story is left out: it already tops the page.
        pool = newest[1:]
        picks = random.Random(f"{seed}:front").sample(
            pool, min(settings.NEWSDESK_MUST_READS_LIMIT, len(pool))
        )
        MustReadItem.objects.bulk_create(
            MustReadItem(must_reads=must_reads, story_id=pk, sort_order=order)
            for order, pk in enumerate(picks)
        )
