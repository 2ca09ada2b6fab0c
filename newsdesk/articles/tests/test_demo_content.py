"""The demo builder: what it creates, that it creates it only once, and the bulk archive path.

TestSmallDemo's tests share one small demo (SMALL published stories, small
drawings, no renditions), built once for the class and rolled back after
it; each test's own changes roll back too. One test builds the default size
to prove the 300-story figure.
"""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page, Site

from newsdesk.articles.demo import images
from newsdesk.articles.demo.accounts import DEMO_ACCOUNTS, accounts_usable
from newsdesk.articles.demo.build import DEMO_SEED, demo_build
from newsdesk.articles.demo.renditions import IMAGE_FILTER_SPECS, renditions_pregenerate
from newsdesk.articles.demo.stories import story_index
from newsdesk.articles.demo.text import story_topic
from newsdesk.articles.demo.topics import SECTIONS
from newsdesk.articles.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    HomePage,
    MustReadItem,
    MustReads,
    NewsImage,
    SectionPage,
)

from .factories import ArticlePageFactory, NewsImageFactory, SectionPageFactory

SMALL = 30


@pytest.fixture(scope="class")
def small_demo(django_db_setup, django_db_blocker):
    """Build the small demo once for a class of tests, then roll it back."""
    with (
        pytest.MonkeyPatch.context() as patch,
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        _drawings_shrink(patch)
        yield demo_build(stories=SMALL, renditions=False)
        transaction.set_rollback(True)


@pytest.fixture
def small_drawings(monkeypatch):
    _drawings_shrink(monkeypatch)


def _drawings_shrink(patch: pytest.MonkeyPatch) -> None:
    # The demo's tests are about records, not pixels; small pictures draw and save faster.
    patch.setattr(images, "SCENE_SIZE", (320, 180))
    patch.setattr(images, "PORTRAIT_SIZE", (160, 160))


def _counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "images": NewsImage.objects.count(),
        "authors": Author.objects.count(),
        "bylines": ArticleAuthor.objects.count(),
        "tags": Tag.objects.count(),
        "picks": MustReadItem.objects.count(),
        "users": get_user_model().objects.count(),
    }


@pytest.mark.django_db
@pytest.mark.usefixtures("small_demo")
class TestSmallDemo:
    def test_builds_sections_staff_and_stories(self):
        home = HomePage.objects.get()
        sections = SectionPage.objects.child_of(home).order_by("path")
        assert [(s.title, bool(s.intro)) for s in sections] == [(s.title, True) for s in SECTIONS]

        authors = Author.objects.all()
        assert authors.count() >= 12
        for author in authors:
            assert author.bio
            assert author.job_title
            assert author.photo_id
            assert author.email.endswith("@newsdesk.example")

        published = ArticlePage.objects.published()
        assert published.count() == SMALL
        for story in published.select_related("lead_image", "section"):
            assert story.article_authors.exists()
            assert story.lead_image.credit
            assert story.url_path == f"{story.section.url_path}{story.slug}/"

    def test_stories_record_their_topic_in_section_slug_and_tags(self):
        for story in ArticlePage.objects.select_related("section").prefetch_related("tags"):
            topic = story_topic(seed=DEMO_SEED, index=story_index(slug=story.slug))
            assert story.section.slug == topic.section
            tags = [t.name for t in story.tags.all()]
            assert 2 <= len(tags) <= 4
            assert set(tags) <= set(topic.tags)

    def test_has_drafts_scheduled_stories_and_a_dressed_front(self):
        unpublished = ArticlePage.objects.filter(live=False)
        drafts = unpublished.filter(go_live_at__isnull=True)
        scheduled = unpublished.filter(go_live_at__gt=timezone.now())
        assert drafts.count() == 3
        assert all(d.latest_revision_id for d in drafts)
        assert scheduled.count() == 2
        for story in scheduled:
            assert story.latest_revision.approved_go_live_at == story.go_live_at

        home = HomePage.objects.get()
        assert home.lead_story in ArticlePage.objects.published()
        picks = [item.story for item in MustReads.for_site(Site.objects.get()).items.all()]
        assert len(picks) == 5
        assert all(p.live and p.first_published_at for p in picks)

    def test_demo_users_sit_in_their_groups(self):
        users = get_user_model().objects.in_bulk(
            [a.username for a in DEMO_ACCOUNTS], field_name="username"
        )
        for account in DEMO_ACCOUNTS:
            user = users[account.username]
            if account.group:
                assert list(user.groups.values_list("name", flat=True)) == [account.group]
            else:
                assert user.is_superuser
        assert [row[1] for row in accounts_usable()] == ["admin", "editor", "reporter", "moderator"]

        users["editor"].set_password("changed-by-the-editor")
        users["editor"].save()
        assert "editor" not in [row[1] for row in accounts_usable()]

    def test_second_build_creates_nothing(self):
        before = _counts()
        report = demo_build(stories=SMALL, renditions=False)
        assert report.stories_created == 0
        assert report.accounts_created == 0
        assert _counts() == before

    def test_articles_adds_live_stories_in_a_consistent_tree(self):
        before = set(ArticlePage.objects.values_list("pk", flat=True))
        out = StringIO()
        call_command(
            "demo_content",
            "--stories",
            str(SMALL),
            "--no-renditions",
            "--articles",
            "50",
            stdout=out,
        )
        added = ArticlePage.objects.exclude(pk__in=before).select_related("section")
        assert added.count() == 50
        assert all(story.live for story in added)
        assert Page.find_problems() == ([], [], [], [], [])
        for section in SectionPage.objects.all():
            assert section.numchild == section.get_children().count()
            slugs = list(section.get_children().values_list("slug", flat=True))
            assert len(slugs) == len(set(slugs))
        assert "Added 50 archive stories" in out.getvalue()

        reader = Client()
        for story in added[:10]:
            assert reader.get(story.url).status_code == 200

        editor = Client()
        editor.force_login(get_user_model().objects.get(username="admin"))
        assert editor.get(f"/admin/pages/{added[0].pk}/edit/").status_code == 200

    def test_articles_continues_story_numbers_on_a_second_run(self):
        call_command("demo_content", "--stories", str(SMALL), "--no-renditions", "--articles", "5")
        call_command("demo_content", "--stories", str(SMALL), "--no-renditions", "--articles", "5")
        indexes = [story_index(slug=s) for s in ArticlePage.objects.values_list("slug", flat=True)]
        assert len(indexes) == len(set(indexes)) == SMALL + 5 + 10


def test_if_empty_leaves_a_database_with_stories_alone(db):
    ArticlePageFactory()
    before = _counts()
    out = StringIO()
    call_command("demo_content", "--if-empty", stdout=out)
    assert _counts() == before
    assert "left as it is" in out.getvalue()


def test_renditions_pregenerate_makes_each_spec_once(db):
    image = NewsImageFactory()
    assert renditions_pregenerate(images=[image]) == len(IMAGE_FILTER_SPECS)
    assert set(image.renditions.values_list("filter_spec", flat=True)) == set(IMAGE_FILTER_SPECS)
    assert renditions_pregenerate(images=NewsImage.objects.filter(pk=image.pk)) == 0


def test_article_factory_publishes_with_given_times_or_schedules(db):
    section = SectionPageFactory()
    first = timezone.now() - timedelta(days=2)
    story = ArticlePageFactory(
        section=section, first_published_at=first, last_published_at=first + timedelta(hours=3)
    )
    assert story.live
    assert story.live_revision_id
    assert (story.first_published_at, story.updated_at) == (first, first + timedelta(hours=3))

    go_live_at = timezone.now() + timedelta(days=7)
    scheduled = ArticlePageFactory(section=section, status="scheduled", go_live_at=go_live_at)
    assert not scheduled.live
    assert scheduled.latest_revision.approved_go_live_at == go_live_at


@pytest.mark.django_db
@pytest.mark.usefixtures("small_drawings")
def test_default_build_publishes_at_least_300_stories_over_60_days():
    """The full-size build (renditions skipped): the figure the demo promises."""
    report = demo_build(renditions=False)
    published = ArticlePage.objects.published()
    assert report.stories_created == published.count() + 5  # and 3 drafts, 2 scheduled
    assert report.stories_published == published.count() >= 300
    now = timezone.now()
    oldest = published.order_by("first_published_at").first().first_published_at
    assert now - timedelta(days=61) < oldest < now - timedelta(days=55)
    assert sum(1 for s in published if s.updated_at) >= 20
    assert published.exclude(notice_kind="").exists()
    assert 40 <= published.values("lead_image").distinct().count() <= 60
    titles = list(published.values_list("title", flat=True))
    assert len(set(titles)) == len(titles)
    assert Group.objects.get(name="Editors").user_set.filter(username="editor").exists()
