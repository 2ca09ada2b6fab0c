"""A comment decision shows on the story page at once, though the page is cached."""

import pytest
from django.test import Client

from newsdesk.comments.models import Comment
from newsdesk.comments.services import comments_decide

from .factories import CommentFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("before", "decision", "shown"),
    [
        (Comment.Status.HELD, Comment.Status.APPROVED, True),
        (Comment.Status.APPROVED, Comment.Status.REJECTED, False),
        (Comment.Status.APPROVED, Comment.Status.SPAM, False),
    ],
)
def test_a_moderators_decision_shows_on_the_cached_story_page(
    site_page_cache, user_in_group, before, decision, shown
):
    committed = site_page_cache
    comment = CommentFactory(status=before, text="The ferry timetable changed in March.")
    url = comment.page.url
    client = Client()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "HIT"
    with committed():
        comments_decide(comment_ids=[comment.pk], status=decision, user=user_in_group("Moderators"))
    assert (b"The ferry timetable changed in March." in client.get(url).content) is shown
