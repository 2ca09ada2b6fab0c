from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    PublishingPanel,
    TitleFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.url_routing import RouteResult

from newsdesk.core.blocks import StoryBodyBlock
from newsdesk.core.pagination import window_of
from newsdesk.core.visibility import RestrictionsReadOnce, without_view_restrictions

# A republish within this long of the first one is the same edition, not an update.
UPDATE_GRACE = timezone.timedelta(minutes=10)


class ArticlePageQuerySet(PageQuerySet):
    def published(self):
        """Stories a reader may see: live, past their first publication, not restricted."""
        return without_view_restrictions(self.live()).filter(first_published_at__isnull=False)

    def newest_first(self):
        return self.order_by("-first_published_at", "-pk")

    def for_listing(self):
        """Load what a story card shows (section label, image) without a query per card."""
        return self.select_related("section", "lead_image").defer_streamfields()


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


class HomePage(RestrictionsReadOnce, Page):
    lead_story = models.ForeignKey(
        "articles.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The story at the top of the home page; the newest story when empty.",
    )

    content_panels = [*Page.content_panels, FieldPanel("lead_story")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["articles.SectionPage"]
    template = "articles/home_page.html"

    def route(self, request, path_components):
        """Find a live section or story by its whole path in one query.

        Wagtail asks the database twice per level (the child, then its type);
        a story sits two levels down. Anything else takes Wagtail's way.
        """
        route = self.route_below(root_path=self.url_path, path_components=path_components)
        return route or super().route(request, path_components)

    @staticmethod
    def route_below(*, root_path: str, path_components: list[str]) -> RouteResult | None:
        """The live section or story at path_components under a home page at root_path, if any."""
        if len(path_components) == 1:
            pages = SectionPage.objects.all()
        elif len(path_components) == 2:
            pages = ArticlePage.objects.select_related("section", "lead_image")
        else:
            return None
        url_path = f"{root_path}{'/'.join(path_components)}/"
        # The slug is indexed and nearly unique; the path then picks the one under this site.
        page = pages.live().filter(slug=path_components[-1], url_path=url_path).first()
        return None if page is None else RouteResult(page)

    def get_context(self, request, *args, **kwargs):
        from newsdesk.articles.selectors import home_front

        context = super().get_context(request, *args, **kwargs)
        context["front"] = home_front(home=self)
        return context


class SectionPage(RestrictionsReadOnce, Page):
    intro = models.CharField(max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["articles.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    template = "articles/section_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Its children by path, so the newest come off the (depth, first published) index.
        stories = ArticlePage.objects.published().child_of(self).for_listing().newest_first()
        context["stories"] = window_of(
            request=request, items=stories, per_page=settings.NEWSDESK_PAGE_SIZE
        )
        return context


class ArticlePage(RestrictionsReadOnce, Page):
    deck = models.CharField(
        max_length=300, help_text="One sentence under the headline; also used in lists and feeds."
    )
    lead_image = models.ForeignKey(
        "articles.NewsImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_caption = models.CharField(
        max_length=300, blank=True, help_text="Leave empty to use the image's own caption."
    )
    body = StreamField(StoryBodyBlock())
    section = models.ForeignKey(
        SectionPage,
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="stories",
        help_text="The primary section: the section page this story sits under.",
    )
    tags = ClusterTaggableManager(through="articles.ArticleTag", blank=True)
    notice_kind = models.CharField(
        max_length=12,
        blank=True,
        choices=[("correction", "Correction"), ("update", "Update")],
        help_text="Shown above the story with its date.",
    )
    notice_text = models.TextField(max_length=600, blank=True)
    notice_date = models.DateTimeField(null=True, blank=True)

    objects = ArticlePageManager()

    content_panels = [
        TitleFieldPanel("title", heading="Headline"),
        FieldPanel("deck"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_caption")], heading="Lead image"
        ),
        InlinePanel("article_authors", heading="Authors", label="Author", min_num=1),
        FieldPanel("body"),
        FieldPanel("tags"),
        MultiFieldPanel(
            [FieldPanel("notice_kind"), FieldPanel("notice_text"), FieldPanel("notice_date")],
            heading="Correction or update notice",
        ),
    ]
    promote_panels = [
        FieldPanel("slug"),
        FieldPanel("seo_title", help_text="Headline for search engines, when it should differ."),
        FieldPanel(
            "search_description", help_text="Summary for search engines; the deck if empty."
        ),
    ]
    settings_panels = [
        PublishingPanel(
            help_text=f"Times are in the newsroom's time zone, {settings.TIME_ZONE}.",
        ),
        *Page.settings_panels[1:],
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("deck"),
        index.SearchField("body"),
        index.FilterField("section"),
        index.FilterField("first_published_at"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["articles.SectionPage"]
    subpage_types = []
    template = "articles/article_page.html"

    class Meta:
        verbose_name = "story"
        verbose_name_plural = "stories"

    def clean(self):
        super().clean()
        if self.notice_kind and not self.notice_text.strip():
            raise ValidationError({"notice_text": "A notice needs its text."})
        if self.notice_text.strip() and not self.notice_kind:
            raise ValidationError({"notice_kind": "Say whether this is a correction or an update."})

    def save(self, *args, **kwargs):
        if self.path and self.depth:
            self.section_id = self.get_parent().id
        if self.notice_kind and self.notice_date is None:
            self.notice_date = timezone.now()
        return super().save(*args, **kwargs)

    @property
    def updated_at(self):
        """The last publication, when it came after the first one's grace period."""
        first, last = self.first_published_at, self.last_published_at
        if first and last and last - first > UPDATE_GRACE:
            return last
        return None

    @property
    def caption(self):
        if self.lead_image_caption:
            return self.lead_image_caption
        return self.lead_image.caption if self.lead_image else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A reader's route may bring them along, loaded with the story's row (articles/views.py).
        context.update(self.__dict__.pop("kept_context", None) or self.context_load())
        return context

    def context_load(self) -> dict[str, list]:
        """The authors and tags a story shows (from the revision's own when previewed)."""
        return {
            "authors": [
                link.author for link in self.article_authors.select_related("author__photo")
            ],
            "tags": list(self.tags.all()),
        }


class ArticleAuthor(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(
        "articles.Author", on_delete=models.PROTECT, related_name="article_links"
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        unique_together = [("page", "author")]


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="tagged_items")
