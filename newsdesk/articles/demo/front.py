"""Dress the front page: the home page's lead story and the editors' Must-Reads."""

import random

from django.conf import settings
from wagtail.models import Site

from newsdesk.articles.models import ArticlePage, HomePage, MustReadItem, MustReads

# Picks come from the newest stories, as an editor's would.
PICK_POOL = 40


def front_ensure(*, seed: int, home: HomePage) -> bool:
    """Set the lead story and fill the Must-Reads where empty; return whether anything changed.

    Both are left alone once set, so an editor's later choices survive a rebuild.
    """
    newest = list(ArticlePage.objects.published().newest_first().values_list("pk", flat=True))
    if not newest:
        return False
    rng = random.Random(f"{seed}:front")
    changed = False
    if home.lead_story_id is None:
        # An update, not a save: saving the page would go through revisions and signals.
        HomePage.objects.filter(pk=home.pk).update(lead_story_id=newest[0])
        home.lead_story_id = newest[0]
        changed = True
    must_reads = MustReads.for_site(Site.objects.get(root_page=home))
    if not must_reads.items.exists():
        # The lead story is left out: it already tops the page.
        pool = newest[1:PICK_POOL]
        picks = rng.sample(pool, min(settings.NEWSDESK_MUST_READS_LIMIT, len(pool)))
        MustReadItem.objects.bulk_create(
            MustReadItem(must_reads=must_reads, story_id=pk, sort_order=order)
            for order, pk in enumerate(picks)
        )
        changed = True
    return changed
