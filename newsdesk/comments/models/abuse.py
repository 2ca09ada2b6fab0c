from django.conf import settings
from django.db import models
from django.utils import timezone


class Ban(models.Model):
    class Kind(models.TextChoices):
        EMAIL = "email", "E-mail address"
        VISITOR = "visitor", "Visitor (hashed IP address)"

    kind = models.CharField(max_length=7, choices=Kind.choices)
    value_hash = models.CharField(max_length=64)
    # What the moderator recognises: the e-mail address, or the comment the visitor wrote.
    label = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "value_hash"], name="comments_one_ban_per_value"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.label}"


class RateLimit(models.Model):
    """Recent post times for one visitor or e-mail, shared by every app process."""

    key = models.CharField(max_length=100, unique=True)
    hits = models.JSONField(default=list)
    # The newest hit (epoch seconds), so the worker can delete keys no window still sees.
    last_hit = models.FloatField(default=0, db_index=True)

    def __str__(self):
        return self.key


class SpamToken(models.Model):
    """How often a token appeared in comments the moderators approved (ham) or marked spam."""

    token = models.CharField(max_length=64, unique=True)
    spam = models.PositiveIntegerField(default=0)
    ham = models.PositiveIntegerField(default=0)

    def __str__(self):
        return self.token
