"""factory_boy factories for the article models, shared by the tests and the demo builder.

Pages are placed in the Wagtail tree under the one HomePage that migration
0002 creates; images are drawn with Pillow so no fixture files are needed.
"""

import copy
import random

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from newsdesk.articles.demo.images import portrait_draw, scene_draw
from newsdesk.articles.demo.text import PHOTO_CREDITS
from newsdesk.articles.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    HomePage,
    NewsImage,
    SectionPage,
)

DEFAULT_PALETTE = ("#13315c", "#3e7cb1", "#f2c14e")
LIVE, DRAFT, SCHEDULED = "live", "draft", "scheduled"


class NewsImageFactory(DjangoModelFactory):
    """A drawn 1600x900 JPEG scene, or an 800x800 portrait with portrait=True."""

    class Meta:
        model = NewsImage

    class Params:
        palette = DEFAULT_PALETTE
        portrait = False
        drawing_seed = factory.Sequence(lambda n: n)

    title = factory.Sequence(lambda n: f"Newsdesk photo {n}")
    caption = factory.LazyAttribute(lambda o: f"{o.title}.")
    credit = factory.Sequence(lambda n: PHOTO_CREDITS[n % len(PHOTO_CREDITS)])
    file = factory.LazyAttribute(
        lambda o: ContentFile(
            (portrait_draw if o.portrait else scene_draw)(
                rng=random.Random(o.drawing_seed), palette=o.palette
            ),
            name=f"{slugify(o.title)[:60] or 'photo'}.jpg",
        )
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        image = model_class(*args, **kwargs)
        # Wagtail's upload forms fill size and hash; renditions' cache keys need the hash.
        image._set_image_file_metadata()
        image.save()
        return image


class AuthorFactory(DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Faker("name")
    slug = factory.LazyAttributeSequence(lambda o, n: f"{slugify(o.name)}-{n}")
    job_title = "Reporter"
    bio = factory.Faker("paragraph", nb_sentences=2)
    email = factory.LazyAttribute(lambda o: f"{o.slug}@newsdesk.example")
    photo = None


class SectionPageFactory(DjangoModelFactory):
    """A section under the home page; pass parent= to place it elsewhere."""

    class Meta:
        model = SectionPage

    title = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    intro = factory.LazyAttribute(lambda o: f"The latest from our {o.title} desk.")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        parent = parent or HomePage.objects.get()
        return parent.add_child(instance=model_class(*args, **kwargs))


# Every block type but the inline image, which would make each rendered test
# story write renditions; the demo's stories carry inline images.
BODY_SAMPLE = [
    {"type": "paragraph", "value": "<p>The first paragraph sets out what happened.</p>"},
    {"type": "subheading", "value": "What happens next"},
    {
        "type": "pull_quote",
        "value": {"quote": "We will know more next week", "attribution": "A spokesperson"},
    },
    {
        "type": "link_embed",
        "value": {
            "url": "https://example.org/report",
            "title": "The full report",
            "summary": "The report the story is based on.",
        },
    },
    {"type": "paragraph", "value": "<p>A closing paragraph with the context.</p>"},
]


class ArticlePageFactory(DjangoModelFactory):
    """A story under `section`, bylined to `authors` in order.

    status is "live" (published at first_published_at, updated at
    last_published_at), "draft" (a revision, never published) or "scheduled"
    (a revision approved to go live at go_live_at). A live story is published
    through a real revision, backdated; revision=False saves it live without
    one, which is quicker where the history does not matter.
    """

    class Meta:
        model = ArticlePage

    section = factory.SubFactory(SectionPageFactory)
    authors = factory.LazyFunction(lambda: [AuthorFactory()])
    tags = ()
    status = LIVE
    revision = True
    go_live_at = None

    title = factory.Faker("sentence", nb_words=7)
    slug = factory.LazyAttributeSequence(lambda o, n: f"{slugify(o.title)[:60]}-{n}")
    deck = factory.Faker("sentence", nb_words=16)
    lead_image = factory.SubFactory(NewsImageFactory)
    body = factory.LazyFunction(lambda: copy.deepcopy(BODY_SAMPLE))
    first_published_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status == LIVE else None
    )
    last_published_at = factory.LazyAttribute(lambda o: o.first_published_at)

    @classmethod
    def _create(
        cls, model_class, *args, section, authors, tags, status, revision, go_live_at, **kwargs
    ):
        page = model_class(*args, **kwargs)
        for order, author in enumerate(authors):
            page.article_authors.add(ArticleAuthor(author=author, sort_order=order))
        if tags:
            page.tags.add(*tags)
        page.live = status == LIVE and not revision
        page.has_unpublished_changes = not page.live
        section.add_child(instance=page)
        if status == DRAFT:
            page.save_revision()
        elif status == SCHEDULED:
            page.go_live_at = go_live_at
            page.save_revision().publish()
        elif revision:
            cls._publish_at(page, kwargs["first_published_at"], kwargs["last_published_at"])
        page.refresh_from_db()
        return page

    @staticmethod
    def _publish_at(page: ArticlePage, first_published_at, last_published_at) -> None:
        """Publish a revision, then backdate it: Wagtail stamps publication with now."""
        revision = page.save_revision()
        revision.publish()
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=first_published_at, last_published_at=last_published_at
        )
        type(revision).objects.filter(pk=revision.pk).update(created_at=last_published_at)
