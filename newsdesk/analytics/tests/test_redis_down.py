"""With Redis unreachable, beacons are still counted (in the database) and read back."""

import pytest

from newsdesk.analytics.models import StoryReads
from newsdesk.analytics.store import read_store

from .test_store_contract import BASE, record, settle

pytestmark = pytest.mark.django_db


def test_reads_go_to_the_database_while_redis_is_down(settings):
    settings.REDIS_URL = "redis://127.0.0.1:9/0"  # nothing listens on the discard port
    settings.NEWSDESK_ANALYTICS_REDIS_PREFIX = "newsdesk-test:down:"
    store = read_store()
    assert store.name == "redis"
    record(store, 7, BASE)
    record(store, 7, BASE + 5)
    store.database.flush()
    assert StoryReads.objects.get(article_id=7).total == 2
    assert store.views(article_ids=[7]) == {7: 2}
    assert store.top_weekly(offset=0, limit=5) == [(7, 2)]
    with pytest.raises(Exception, match="(?i)connect"):
        settle(store, BASE + 60)  # the worker's jobs do need Redis, and say so
