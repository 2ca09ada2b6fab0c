"""Who may do what: every role against every newsroom action, through the real admin URLs.

Each cell performs the action as that role, posting the form the admin renders
(fetched by a superuser where the role may not even open it, as an attacker
would copy it), and then checks the stored effect, not only the status code.
"""

import time
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Revision, Site
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)
from wagtail.test.utils.timestamps import submittable_timestamp

from newsdesk.analytics.models import RankingOverride
from newsdesk.articles.models import MustReadItem
from newsdesk.articles.tests.factories import ArticlePageFactory
from newsdesk.comments import guard
from newsdesk.comments.models import Comment
from newsdesk.comments.tests.factories import CommentFactory

pytestmark = pytest.mark.django_db

ROLES = {
    "anonymous": None,
    "reporter": "Reporters",
    "moderator": "Moderators",
    "editor": "Editors",
    "administrator": "Administrators",
}
# The one table: may this role do this? Read a row across.
TABLE = """
action              anonymous  reporter  moderator  editor  administrator
publish             no         no        no         yes     yes
unpublish           no         no        no         yes     yes
schedule            no         no        no         yes     yes
edit_others_draft   no         no        no         yes     yes
moderate_comment    no         no        yes        yes     yes
manage_must_reads   no         no        no         yes     yes
manage_users        no         no        no         no      yes
view_readership     no         no        no         yes     yes
pin_ranking         no         no        no         yes     yes
keep_out_ranking    no         no        no         yes     yes
read_draft_on_site  no         no        no         no      no
post_comment        yes        yes       yes        yes     yes
"""


def _cells() -> list[tuple[str, str, bool]]:
    header, *rows = [line.split() for line in TABLE.strip().splitlines()]
    roles = header[1:]
    assert roles == list(ROLES)
    return [
        (role, row[0], answer == "yes")
        for row in rows
        for role, answer in zip(roles, row[1:], strict=True)
    ]


CELLS = _cells()


@pytest.fixture
def superuser_client(admin_client):
    """Fetches the admin's forms for roles that may not open them."""
    return admin_client


@pytest.fixture
def writer(user_in_group):
    """A reporter who owns the drafts that others try to edit."""
    return user_in_group("Reporters", "writer")


def draft_of(owner, title="A draft under embargo"):
    story = ArticlePageFactory(status="draft", title=title, lead_image=None)
    Page.objects.filter(pk=story.pk).update(owner=owner)
    return Page.objects.get(pk=story.pk).specific


def edit_form(superuser_client, page) -> dict:
    response = superuser_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    # The body's StreamField is drawn by script in the admin, so its fields are added here.
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Body.</p>"))])}))
    return data


def page_edit_post(client, page, data):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


# Each action returns whether it took effect, judged from the stored rows.


def publish(client, actor, ctx):
    page = draft_of(actor or ctx.writer)
    data = edit_form(ctx.superuser_client, page)
    data["action-publish"] = "1"
    page_edit_post(client, page, data)
    return Page.objects.get(pk=page.pk).live


def unpublish(client, actor, ctx):
    story = ArticlePageFactory(lead_image=None)
    client.post(reverse("wagtailadmin_pages:unpublish", args=[story.pk]))
    return not Page.objects.get(pk=story.pk).live


def schedule(client, actor, ctx):
    page = draft_of(actor or ctx.writer)
    data = edit_form(ctx.superuser_client, page)
    data["go_live_at"] = submittable_timestamp(timezone.now() + timedelta(days=1))
    data["action-publish"] = "1"
    page_edit_post(client, page, data)
    return Revision.page_revisions.filter(
        object_id=str(page.pk), approved_go_live_at__isnull=False
    ).exists()


def edit_others_draft(client, actor, ctx):
    page = draft_of(ctx.writer)
    data = edit_form(ctx.superuser_client, page)
    data["title"] = "Rewritten by someone else"
    page_edit_post(client, page, data)
    return Page.objects.get(pk=page.pk).draft_title == "Rewritten by someone else"


def moderate_comment(client, actor, ctx):
    comment = CommentFactory(page=ArticlePageFactory(lead_image=None), status="held")
    client.post(f"/admin/comments-moderate/{comment.pk}/", {"action": "approve"})
    return Comment.objects.get(pk=comment.pk).status == Comment.Status.APPROVED


def manage_must_reads(client, actor, ctx):
    story = ArticlePageFactory(lead_image=None)
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["articles", "mustreads", site.pk])
    client.post(url, nested_form_data({"items": inline_formset([{"story": story.pk}])}))
    return MustReadItem.objects.filter(story=story).exists()


def manage_users(client, actor, ctx):
    client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "new-starter",
            "email": "new-starter@newsdesk.example",
            "first_name": "New",
            "last_name": "Starter",
            "password1": "harbour-lights-at-dusk",
            "password2": "harbour-lights-at-dusk",
        },
    )
    return get_user_model().objects.filter(username="new-starter").exists()


def view_readership(client, actor, ctx):
    response = client.get(reverse("analytics_readership"))
    return response.status_code == 200 and b"Reads per hour" in response.content


def _override(client, action):
    story = ArticlePageFactory(lead_image=None)
    client.post(
        reverse("wagtailsnippets_analytics_rankingoverride:add"),
        {"story": story.pk, "action": action, "ranking": "both", "position": 1, "note": "Test"},
    )
    return RankingOverride.objects.filter(story=story, action=action).exists()


def pin_ranking(client, actor, ctx):
    return _override(client, RankingOverride.PIN)


def keep_out_ranking(client, actor, ctx):
    return _override(client, RankingOverride.KEEP_OUT)


def read_draft_on_site(client, actor, ctx):
    page = draft_of(ctx.writer)
    assert page.url, "a draft still has the address it will be published at"
    return client.get(page.url).status_code == 200


def post_comment(client, actor, ctx):
    """A reader's comment, posted as the story page's script does: same origin, a form token."""
    ctx.settings.NEWSDESK_COMMENTS_RATE_LIMITS = []  # limits have their own tests
    story = ArticlePageFactory(lead_image=None)
    issued = time.time() - ctx.settings.NEWSDESK_COMMENTS_MIN_SECONDS - 1
    client.post(
        f"/comments/{story.pk}/post/",
        {
            "name": "Ada",
            "email": "ada@readers.example",
            "text": "A fair point, well made.",
            "token": guard.form_token_issue(page_id=story.pk, now=issued),
        },
        HTTP_ORIGIN="http://testserver",
    )
    return Comment.objects.filter(page=story, text="A fair point, well made.").exists()


ACTIONS = {
    fn.__name__: fn
    for fn in (
        publish,
        unpublish,
        schedule,
        edit_others_draft,
        moderate_comment,
        manage_must_reads,
        manage_users,
        view_readership,
        pin_ranking,
        keep_out_ranking,
        read_draft_on_site,
        post_comment,
    )
}


class Context:
    def __init__(self, superuser_client, writer, settings):
        self.superuser_client = superuser_client
        self.writer = writer
        self.settings = settings


def test_the_table_covers_every_action():
    assert {action for _, action, _ in CELLS} == set(ACTIONS)


@pytest.mark.parametrize(
    ("role", "action", "allowed"), CELLS, ids=[f"{r}-{a}" for r, a, _ in CELLS]
)
def test_permission(
    client, user_in_group, superuser_client, writer, settings, role, action, allowed
):
    actor = None
    if ROLES[role]:
        actor = user_in_group(ROLES[role], role)
        client.force_login(actor)
    took_effect = ACTIONS[action](client, actor, Context(superuser_client, writer, settings))
    assert took_effect is allowed, f"{role} {'could not' if allowed else 'could'} {action}"
