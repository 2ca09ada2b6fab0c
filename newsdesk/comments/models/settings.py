from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="comment")
class CommentSettings(BaseSiteSetting):
    class Moderation(models.TextChoices):
        POST = "post", "Post-moderation: publish unless a rule holds the comment"
        PRE = "pre", "Pre-moderation: hold every comment for a moderator"

    moderation = models.CharField(max_length=4, choices=Moderation.choices, default=Moderation.POST)
    close_after_days = models.PositiveIntegerField(
        default=0, help_text="Close comments this many days after publication; 0 keeps them open."
    )
    blocked_words = models.TextField(
        blank=True, help_text="One word or phrase a line. A comment containing one is refused."
    )
    suspect_words = models.TextField(
        blank=True,
        help_text="One word or phrase a line. A comment containing one waits for a moderator.",
    )

    panels = [
        FieldPanel("moderation"),
        FieldPanel("close_after_days"),
        FieldPanel("blocked_words"),
        FieldPanel("suspect_words"),
    ]

    class Meta:
        verbose_name = "comment settings"
        verbose_name_plural = "comment settings"


class CommentThread(models.Model):
    """How one story takes comments; a story without a row is open."""

    class Mode(models.TextChoices):
        OPEN = "open", "Open"
        PRE_MODERATED = "pre", "Pre-moderated"
        CLOSED = "closed", "Closed"

    page = models.OneToOneField(
        "articles.ArticlePage", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    mode = models.CharField(max_length=6, choices=Mode.choices, default=Mode.OPEN)

    panels = [FieldPanel("page"), FieldPanel("mode")]

    class Meta:
        verbose_name = "story comment setting"

    def __str__(self):
        return f"{self.page.title}: {self.get_mode_display()}"
