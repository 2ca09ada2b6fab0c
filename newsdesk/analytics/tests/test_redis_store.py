"""What only the Redis store has to prove: the database stays the durable copy."""

import pytest

from newsdesk.analytics.models import FlushedBatch, StoryReads

from .test_store_contract import BASE, record, settle

pytestmark = pytest.mark.parametrize("store", ["redis"], indirect=True)


def test_a_flush_killed_after_its_commit_is_not_applied_again(store, monkeypatch):
    for _ in range(3):
        record(store, 1, BASE + 5)
    real_delete = store.client.delete

    def killed(*keys):
        raise ConnectionError("killed before deleting the Redis copy")

    monkeypatch.setattr(store.client, "delete", killed)
    with pytest.raises(ConnectionError):
        store.flush()
    monkeypatch.setattr(store.client, "delete", real_delete)
    assert StoryReads.objects.get(article_id=1).total == 3
    store.flush()
    store.flush()
    assert StoryReads.objects.get(article_id=1).total == 3
    assert FlushedBatch.objects.count() == 1


def test_emptied_redis_answers_from_the_database_then_is_rebuilt(store):
    for story, reads in ((1, 3), (2, 2)):
        for _ in range(reads):
            record(store, story, BASE + 60)
    settle(store, BASE + 120)
    before = store.top_popular(offset=0, limit=5, now=BASE + 120)

    store.keys_delete()  # what FLUSHALL, or a restart without persistence, does to our keys

    assert store.views(article_ids=[1, 2]) == {1: 3, 2: 2}
    assert store.top_weekly(offset=0, limit=5) == [(1, 3), (2, 2)]
    record(store, 2, BASE + 180)  # acknowledged while Redis is empty
    settle(store, BASE + 240)
    assert store.client.hget(store.key("meta"), "ready") == "1"
    assert store.views(article_ids=[1, 2]) == {1: 3, 2: 3}
    assert store.top_weekly(offset=0, limit=5) == [(2, 3), (1, 3)]
    after = dict(store.top_popular(offset=0, limit=5, now=BASE + 120))
    assert after[1] == pytest.approx(dict(before)[1])
