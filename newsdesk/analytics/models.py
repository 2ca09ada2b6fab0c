"""What the database keeps about reads.

Stories are referred to by their page id (article_id), not a foreign key: the
Redis store has no foreign keys either, the hot write path skips constraint
checks, and article_id 0 stands for the whole site in the bucket tables.
Counters of deleted stories are pruned by the worker.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel, PageChooserPanel

SITE = 0


class StoryReads(models.Model):
    """Running aggregates per story, so each ranking is one index scan, ORDER BY ... LIMIT k."""

    article_id = models.BigIntegerField(primary_key=True)
    total = models.BigIntegerField(default=0)
    week = models.BigIntegerField(default=0, help_text="Reads in the last 168 hourly buckets.")
    popular = models.FloatField(
        default=0, help_text="Forward-decayed reads of the last 24 hours, in units of 2^((t-t0)/H)."
    )

    class Meta:
        indexes = [
            models.Index(fields=["week", "article_id"], name="analytics_week_rank"),
            models.Index(fields=["popular", "article_id"], name="analytics_popular_rank"),
        ]
        permissions = [("view_readership", "Can see readership figures and charts")]

    def __str__(self):
        return f"Reads of story {self.article_id}"


class HourlyReads(models.Model):
    article_id = models.BigIntegerField(help_text="0 for the whole site.")
    hour = models.DateTimeField()
    reads = models.BigIntegerField(default=0)
    weight = models.FloatField(
        default=0,
        help_text="Sum of 2^((t-hour)/H) over the hour's reads, so Popular Now can subtract "
        "exactly what it added when the hour leaves its window.",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["hour", "article_id"], name="analytics_hourly_key")
        ]
        indexes = [models.Index(fields=["article_id", "hour"], name="analytics_hourly_story")]

    def __str__(self):
        return f"{self.reads} reads of {self.article_id} at {self.hour:%Y-%m-%d %H}:00"


class DailyReads(models.Model):
    article_id = models.BigIntegerField(help_text="0 for the whole site.")
    day = models.DateField()
    reads = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article_id", "day"], name="analytics_daily_key")
        ]
        indexes = [models.Index(fields=["day"], name="analytics_daily_day")]

    def __str__(self):
        return f"{self.reads} reads of {self.article_id} on {self.day}"


class StoreState(models.Model):
    """Markers of the database store: the window edges already expired and t0."""

    key = models.CharField(max_length=40, primary_key=True)
    value = models.FloatField()

    def __str__(self):
        return f"{self.key}={self.value}"


class FlushedBatch(models.Model):
    """Batches of Redis reads already applied here, so a re-run of a flush never counts twice."""

    batch_id = models.CharField(max_length=40, primary_key=True)
    applied_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return self.batch_id


class ReadSeen(models.Model):
    """Database store's de-duplication: shared by every app process, unlike process memory."""

    visitor = models.CharField(max_length=64)
    article_id = models.BigIntegerField()
    counted_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["visitor", "article_id"], name="analytics_seen_key")
        ]

    def __str__(self):
        return f"{self.visitor[:8]} read {self.article_id}"


class ReadRate(models.Model):
    """Database store's rate limit: beacons per client per fixed window."""

    client = models.CharField(max_length=64)
    window = models.DateTimeField(db_index=True)
    hits = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["client", "window"], name="analytics_rate_key")
        ]

    def __str__(self):
        return f"{self.client[:8]}: {self.hits} at {self.window}"


class VisitorSalt(models.Model):
    """One random salt a day: visitor hashes cannot be linked from one day to the next."""

    day = models.DateField(unique=True)
    salt = models.CharField(max_length=64)

    def __str__(self):
        return str(self.day)


class BeaconTally(models.Model):
    """Beacons per day by outcome (counted, or why not), for the editors' readership view."""

    day = models.DateField()
    reason = models.CharField(max_length=24)
    count = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "reason"], name="analytics_tally_key")
        ]

    def __str__(self):
        return f"{self.day} {self.reason}: {self.count}"


class RankingOverride(models.Model):
    """An editor's pin (a fixed place in a list) or keep-out for Popular Now and Weekly Best."""

    PIN, KEEP_OUT = "pin", "keep_out"
    BOTH, POPULAR_NOW, WEEKLY_BEST = "both", "popular_now", "weekly_best"

    story = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="+", verbose_name="story"
    )
    action = models.CharField(
        max_length=10,
        choices=[(PIN, "Pin at a place"), (KEEP_OUT, "Keep out")],
        default=KEEP_OUT,
    )
    ranking = models.CharField(
        max_length=12,
        choices=[(BOTH, "Both lists"), (POPULAR_NOW, "Popular Now"), (WEEKLY_BEST, "Weekly Best")],
        default=BOTH,
    )
    position = models.PositiveSmallIntegerField(
        default=1, help_text="For a pin: the place in the list, 1 being the top."
    )
    until = models.DateTimeField(
        null=True, blank=True, help_text="Leave empty to keep it until someone removes it."
    )
    note = models.CharField(max_length=200, blank=True, help_text="Why, for the other editors.")

    panels = [
        PageChooserPanel("story", "articles.ArticlePage"),
        FieldPanel("action"),
        FieldPanel("ranking"),
        FieldPanel("position"),
        FieldPanel("until"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = "ranking override"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(position__gte=1, position__lte=20), name="analytics_pin_place"
            )
        ]

    def __str__(self):
        where = self.get_ranking_display()
        if self.action == self.PIN:
            return f"Pin {self.story} at {self.position} in {where}"
        return f"Keep {self.story} out of {where}"
