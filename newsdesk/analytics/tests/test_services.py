"""The worker's housekeeping forgets what it promised to forget."""

from datetime import UTC, datetime, timedelta

import pytest

from newsdesk.analytics.models import HourlyReads, ReadSeen, VisitorSalt
from newsdesk.analytics.services import read_record, reads_maintain, reads_prune
from newsdesk.analytics.visitors import visitor_keys

pytestmark = pytest.mark.django_db


def test_prune_deletes_old_salts_and_dedupe_rows_but_keeps_buckets_in_the_window():
    now = datetime.now(tz=UTC)
    read_record(article_id=3, meta={"REMOTE_ADDR": "192.0.2.1"}, at=now.timestamp())
    read_record(
        article_id=3, meta={"REMOTE_ADDR": "192.0.2.2"}, at=(now - timedelta(days=3)).timestamp()
    )
    VisitorSalt.objects.create(day=(now - timedelta(days=5)).date(), salt="old")
    ReadSeen.objects.create(visitor="v", article_id=3, counted_at=now - timedelta(hours=2))
    reads_maintain()

    reads_prune()

    assert not VisitorSalt.objects.filter(salt="old").exists()
    assert not ReadSeen.objects.filter(visitor="v").exists()
    assert HourlyReads.objects.filter(article_id=3).count() == 2


def test_visitor_hash_changes_with_the_day_and_never_holds_the_address():
    meta = {"REMOTE_ADDR": "192.0.2.44", "HTTP_USER_AGENT": "Mozilla/5.0"}
    today = datetime.now(tz=UTC).date()
    visitor, client = visitor_keys(meta=meta, day=today)
    assert visitor == visitor_keys(meta=meta, day=today)[0]
    assert visitor != visitor_keys(meta=meta, day=today - timedelta(days=1))[0]
    assert "192.0.2.44" not in visitor + client
    assert len(visitor) == 64
