"""The moderation queue in the Wagtail admin, and readers' reports."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model

from newsdesk.comments import guard
from newsdesk.comments.models import Ban, Comment, CommentSettings, Report
from newsdesk.comments.services import comment_report

from .factories import CommentFactory, ReportFactory

pytestmark = pytest.mark.django_db
QUEUE = "/admin/snippets/comments/comment/"


def rows(response) -> list[str]:
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [td.get_text(" ", strip=True) for td in page.select("tbody tr td.title")]


@pytest.fixture
def moderator(client, user_in_group):
    client.force_login(user_in_group("Moderators"))
    return client


def test_reporters_cannot_moderate(client, user_in_group, story):
    comment = CommentFactory(page=story, status="held")
    client.force_login(user_in_group("Reporters"))
    assert client.get(QUEUE).status_code in (302, 403)
    response = client.post(f"/admin/comments-moderate/{comment.pk}/", {"action": "approve"})
    assert response.status_code in (302, 403)
    bulk = client.post(f"/admin/bulk/comments/comment/approve/?id={comment.pk}")
    assert bulk.status_code in (302, 403) or "may not moderate" in bulk.content.decode()
    comment.refresh_from_db()
    assert comment.status == "held"


@pytest.mark.parametrize("group", ["Moderators", "Editors", "Administrators"])
def test_moderators_editors_and_administrators_can_moderate(client, user_in_group, story, group):
    comment = CommentFactory(page=story, status="held")
    client.force_login(user_in_group(group))
    assert client.get(QUEUE).status_code == 200
    client.post(f"/admin/comments-moderate/{comment.pk}/", {"action": "approve"})
    comment.refresh_from_db()
    assert comment.status == "approved"


def test_the_queue_filters_by_state_and_story(moderator, story):
    from newsdesk.articles.tests.factories import ArticlePageFactory

    CommentFactory(page=story, name="Held", status="held")
    CommentFactory(page=story, name="Fine", status="approved")
    CommentFactory(page=story, name="Gone", status="rejected")
    CommentFactory(page=story, name="Junk", status="spam")
    ReportFactory(comment=CommentFactory(page=story, name="Flagged", report_count=1))
    CommentFactory(page=ArticlePageFactory(), name="Elsewhere", status="held")
    assert {r.split(":")[0] for r in rows(moderator.get(QUEUE + "?state=held"))} == {
        "Held",
        "Elsewhere",
    }
    assert rows(moderator.get(QUEUE + "?state=reported"))[0].startswith("Flagged")
    assert rows(moderator.get(QUEUE + "?state=spam"))[0].startswith("Junk")
    assert rows(moderator.get(QUEUE + "?state=rejected"))[0].startswith("Gone")
    per_story = rows(moderator.get(QUEUE + f"?story={story.pk}"))
    assert len(per_story) == 5
    assert not any(r.startswith("Elsewhere") for r in per_story)


def test_approving_from_the_queue_publishes_it_on_the_story(moderator, client, story):
    comment = CommentFactory(page=story, text="Worth reading", status="held")
    response = moderator.post(
        f"/admin/comments-moderate/{comment.pk}/", {"action": "approve", "next": QUEUE}
    )
    assert response.status_code == 302
    assert "Worth reading" in client.get(story.url).content.decode()


def test_bulk_actions_approve_reject_and_mark_spam(moderator, story):
    comments = [CommentFactory(page=story, status="held") for _ in range(3)]
    ids = "&".join(f"id={c.pk}" for c in comments)
    confirm = moderator.get(f"/admin/bulk/comments/comment/spam/?{ids}")
    assert confirm.status_code == 200
    moderator.post(f"/admin/bulk/comments/comment/spam/?{ids}&next={QUEUE}")
    assert set(Comment.objects.values_list("status", flat=True)) == {"spam"}
    moderator.post(f"/admin/bulk/comments/comment/approve/?{ids}")
    assert set(Comment.objects.values_list("status", flat=True)) == {"approved"}
    moderator.post(f"/admin/bulk/comments/comment/reject/?{ids}")
    assert set(Comment.objects.values_list("status", flat=True)) == {"rejected"}


def test_banning_rejects_the_comment_and_stops_the_poster(moderator, client, story, no_limits):
    comment = CommentFactory(page=story, email="troll@readers.example")
    moderator.post(f"/admin/bulk/comments/comment/ban/?id={comment.pk}")
    comment.refresh_from_db()
    assert comment.status == "rejected"
    assert set(Ban.objects.values_list("kind", flat=True)) == {"email", "visitor"}
    token = guard.form_token_issue(page_id=story.pk, now=guard.time.time() - 10)
    response = client.post(
        f"/comments/{story.pk}/post/",
        {"name": "T", "email": "TROLL@readers.example", "text": "Back again", "token": token},
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 400
    assert not Comment.objects.filter(text="Back again").exists()


def test_the_dashboard_counts_held_and_reported_comments(moderator, story):
    CommentFactory(page=story, status="held")
    CommentFactory(page=story, status="held", report_count=1)
    page = BeautifulSoup(moderator.get("/admin/").content, "html.parser")
    summary = page.find("a", string=lambda s: s and "held" in s)
    assert summary.get_text(strip=True) == "2 comments held"
    assert page.find("a", string="1 reported") is not None


def test_nobody_rewrites_a_readers_words(client, story):
    comment = CommentFactory(page=story)
    admin = get_user_model().objects.create_superuser("boss", password="x-very-long-1")
    client.force_login(admin)
    assert client.get(f"{QUEUE}edit/{comment.pk}/").status_code in (302, 403)
    assert client.get(f"{QUEUE}inspect/{comment.pk}/").status_code == 200


def test_editors_edit_the_word_lists_and_moderators_do_not(user_in_group):
    assert user_in_group("Editors").has_perm("comments.change_commentsettings")
    assert not user_in_group("Moderators").has_perm("comments.change_commentsettings")
    assert not user_in_group("Reporters").has_perm("comments.view_comment")


def test_three_distinct_reports_hide_a_comment_until_a_moderator_decides(
    moderator, client, story, settings
):
    settings.NEWSDESK_COMMENTS_REPORTS_TO_HIDE = 3
    comment = CommentFactory(page=story, text="Borderline")
    assert comment_report(comment=comment, reporter="r1", reason="abusive")
    assert not comment_report(comment=comment, reporter="r1", reason="spam")
    comment_report(comment=comment, reporter="r2", reason="abusive")
    assert "Borderline" in client.get(story.url).content.decode()
    comment_report(comment=comment, reporter="r3", reason="off_topic")
    assert "Borderline" not in client.get(story.url).content.decode()
    assert "Abusive 2, Off-topic 1" in open_reports_shown(moderator, comment)
    moderator.post(f"/admin/comments-moderate/{comment.pk}/", {"action": "approve"})
    assert "Borderline" in client.get(story.url).content.decode()
    comment.refresh_from_db()
    assert comment.report_count == 0
    assert not Report.objects.filter(resolved=False).exists()
    assert open_reports_shown(moderator, comment) == "None"
    # The decision settles earlier reports: their readers are not counted twice,
    # while a new reader's report starts the count again.
    assert not comment_report(comment=comment, reporter="r1", reason="abusive")
    assert comment_report(comment=comment, reporter="r4", reason="spam")
    comment.refresh_from_db()
    assert (comment.report_count, comment.status) == (1, "approved")
    assert open_reports_shown(moderator, comment) == "Spam 1"


def open_reports_shown(moderator, comment) -> str:
    page = BeautifulSoup(moderator.get(f"{QUEUE}inspect/{comment.pk}/").content, "html.parser")
    label = page.find("dt", string=lambda s: s and s.strip() == "Open reports")
    return label.find_next_sibling("dd").get_text(" ", strip=True)


def test_a_reader_reports_through_the_report_page(client, story):
    comment = CommentFactory(page=story)
    page = BeautifulSoup(
        client.get(f"/comments/report/?comment={comment.pk}").content, "html.parser"
    )
    token = page.select_one("input[name=token]")["value"]
    response = client.post(
        f"/comments/report/?comment={comment.pk}",
        {"reason": "spam", "token": token},
        HTTP_ORIGIN="http://testserver",
    )
    assert response["Location"] == f"{story.url}?comment=reported#comments"
    assert Report.objects.get().reason == "spam"
    cross_site = client.post(
        f"/comments/report/?comment={comment.pk}",
        {"reason": "spam", "token": token},
        HTTP_ORIGIN="https://evil.example",
    )
    assert cross_site.status_code == 403


def test_site_settings_exist_with_post_moderation_by_default(story):
    assert CommentSettings.for_site(story.get_site()).moderation == "post"


def test_each_row_offers_the_decisions_it_can_still_take(moderator, story):
    held = CommentFactory(page=story, name="Waiting", status="held")
    CommentFactory(page=story, name="Shown", status="approved")
    page = BeautifulSoup(moderator.get(QUEUE).content, "html.parser")
    offered = {
        row.select_one("td.title").get_text(" ", strip=True).split(":")[0]: [
            button.get_text(strip=True) for button in row.select("td.comments-decide button")
        ]
        for row in page.select("tbody tr")
    }
    assert offered == {
        "Waiting": ["Approve", "Reject", "Spam", "Ban"],
        "Shown": ["Reject", "Spam", "Ban"],
    }
    response = moderator.post(
        f"/admin/comments-moderate/{held.pk}/", {"action": "ban"}, follow=True
    )
    assert "Comment by Waiting rejected and the poster banned." in response.content.decode()
    held.refresh_from_db()
    assert held.status == "rejected"
    assert Ban.objects.filter(kind="email", value_hash=held.email_hash).exists()
