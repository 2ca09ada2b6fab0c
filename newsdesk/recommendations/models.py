"""Related stories: the stored lists, the editors' pins and the queue of stories to recompute."""

from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from .forms import RelatedPinsForm


class RelatedStory(models.Model):
    """One entry of a story's related list: pins first, then computed ones by score.

    A page shows its list with a single query, joining this table to the stories.
    """

    story = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="related_entries"
    )
    related = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="related_in"
    )
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField(null=True, help_text="Empty for a pin.")
    pinned = models.BooleanField(default=False)

    class Meta:
        ordering = ["story", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["story", "rank"], name="related_story_rank_unique"),
            models.UniqueConstraint(fields=["story", "related"], name="related_story_once"),
        ]

    def __str__(self):
        return f"{self.story_id} -> {self.related_id} (#{self.rank})"


class RelatedPins(ClusterableModel):
    """Stories an editor puts first in one story's You May Also Like list."""

    story = models.OneToOneField(
        "articles.ArticlePage",
        on_delete=models.CASCADE,
        related_name="related_pins",
        help_text="The story whose You May Also Like list these pins lead.",
    )

    panels = [
        FieldPanel("story"),
        InlinePanel(
            "items",
            heading="Pinned stories",
            label="Pinned story",
            max_num=5,
            help_text="Shown first, in this order. An unpublished story drops out by itself.",
        ),
    ]

    base_form_class = RelatedPinsForm

    class Meta:
        verbose_name = "related-story pins"
        verbose_name_plural = "related-story pins"

    def __str__(self):
        return f"Pins for {self.story.title}"


class RelatedPin(Orderable):
    pins = ParentalKey(RelatedPins, on_delete=models.CASCADE, related_name="items")
    related = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="+", verbose_name="story"
    )

    panels = [FieldPanel("related")]

    class Meta(Orderable.Meta):
        unique_together = [("pins", "related")]


class RelatedPending(models.Model):
    """A story whose list the worker must recompute; marking is all a publish costs."""

    story = models.OneToOneField(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="+", primary_key=True
    )
    marked_at = models.DateTimeField()

    def __str__(self):
        return f"{self.story_id} pending since {self.marked_at:%Y-%m-%d %H:%M}"
