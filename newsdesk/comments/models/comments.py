from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils import timezone


class CommentQuerySet(models.QuerySet):
    def visible(self):
        """Comments a reader sees: approved, and replies only under an approved parent."""
        return self.filter(status=Comment.Status.APPROVED).filter(
            models.Q(parent__isnull=True) | models.Q(parent__status=Comment.Status.APPROVED)
        )

    def reported(self):
        return self.filter(report_count__gt=0)


class Comment(models.Model):
    class Status(models.TextChoices):
        HELD = "held", "Held"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        SPAM = "spam", "Spam"

    page = models.ForeignKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="+")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    name = models.CharField(max_length=200)
    # Kept for the moderators and for bans; never rendered on the public site.
    email = models.EmailField()
    email_hash = models.CharField(max_length=64, db_index=True)
    # HMAC of the poster's IP address: bans and rate limits work without storing the address.
    visitor_hash = models.CharField(max_length=64, db_index=True)
    text = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.HELD)
    hold_reasons = models.CharField(max_length=500, blank=True)
    spam_score = models.FloatField(null=True, blank=True)
    report_count = models.PositiveIntegerField(default=0)
    # What the spam classifier last learnt from this comment, so a changed decision is unlearnt.
    trained_as = models.CharField(max_length=4, blank=True)
    # One comment per submission, whatever the number of clicks or retries.
    idempotency_key = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CommentQuerySet.as_manager()

    # A comment does not "use" its story the way content does; keep it out of Wagtail's
    # usage counts, and spare every post the reference-index write.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["page", "status", "created_at"]),
            models.Index(fields=["status", "created_at"]),
        ]
        permissions = [("moderate_comment", "Can moderate readers' comments")]

    def __str__(self):
        text = " ".join(self.text.split())
        return f"{self.name}: {text[:60]}{'…' if len(text) > 60 else ''}"

    @admin.display(description="Open reports")
    def open_reports(self) -> str:
        """Readers' reasons since the last moderator decision, e.g. "Spam 2, Abusive 1"."""
        counts = (
            self.reports.filter(resolved=False)
            .values("reason")
            .annotate(n=models.Count("pk"))
            .order_by("-n", "reason")
        )
        labels = dict(Report.Reason.choices)
        return ", ".join(f"{labels[row['reason']]} {row['n']}" for row in counts) or "None"


class Report(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", "Spam"
        ABUSIVE = "abusive", "Abusive"
        OFF_TOPIC = "off_topic", "Off-topic"
        OTHER = "other", "Other"

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter_hash = models.CharField(max_length=64)
    reason = models.CharField(max_length=10, choices=Reason.choices)
    created_at = models.DateTimeField(default=timezone.now)
    # A moderator's decision settles the reports made before it.
    resolved = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter_hash"], name="comments_one_report_per_reader"
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()} report on comment {self.comment_id}"
