import pytest
from django.core.management import call_command

from newsdesk.articles.tests.factories import ArticlePageFactory
from newsdesk.comments.models import Comment, CommentThread

pytestmark = pytest.mark.django_db


def test_demo_comments_cover_every_state_and_run_once(capsys):
    for _ in range(8):
        ArticlePageFactory(revision=False, lead_image=None)
    call_command("demo_comments")
    statuses = set(Comment.objects.values_list("status", flat=True))
    assert statuses == {"approved", "held", "rejected", "spam"}
    assert Comment.objects.filter(report_count__gt=0).exists()
    assert Comment.objects.filter(parent__isnull=False).exists()
    assert set(CommentThread.objects.values_list("mode", flat=True)) == {"pre", "closed"}
    count = Comment.objects.count()
    call_command("demo_comments")
    assert Comment.objects.count() == count
    assert "already there" in capsys.readouterr().out
