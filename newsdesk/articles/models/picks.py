from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="pick")
class MustReads(BaseSiteSetting, ClusterableModel):
    """Stories the editors pick by hand, in their order."""

    panels = [
        InlinePanel(
            "items",
            heading="Must-Reads",
            label="Story",
            max_num=settings.NEWSDESK_MUST_READS_LIMIT,
            help_text="Drag to order. An unpublished story drops out of the list by itself.",
        )
    ]

    class Meta:
        verbose_name = "Must-Reads"
        verbose_name_plural = "Must-Reads"


class MustReadItem(Orderable):
    must_reads = ParentalKey(MustReads, on_delete=models.CASCADE, related_name="items")
    story = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="must_read_items"
    )

    panels = [FieldPanel("story")]

    class Meta(Orderable.Meta):
        unique_together = [("must_reads", "story")]
