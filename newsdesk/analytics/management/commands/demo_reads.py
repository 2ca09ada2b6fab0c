"""Seed weeks of reads for the demo stories, so counts, rankings and charts are alive."""

from django.core.management.base import BaseCommand

from newsdesk.analytics.demo import (
    DEMO_SEED,
    bulk_reads_seed,
    demo_reads_publish,
    demo_reads_seed,
)
from newsdesk.analytics.models import StoryReads
from newsdesk.analytics.store import read_store


class Command(BaseCommand):
    help = (
        "Seed weeks of hourly reads for the stories published in the last weeks; running it "
        "again changes nothing. --bulk then gives every other published story read totals "
        "(aggregates only), fast enough for a million stories, for benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=DEMO_SEED)
        parser.add_argument("--days", type=int, default=35, help="How far back reads go.")
        parser.add_argument(
            "--bulk", action="store_true", help="Also seed every published story without reads."
        )
        parser.add_argument(
            "--reset", action="store_true", help="Forget every read first, then seed again."
        )

    def handle(self, *args, seed, days, bulk, reset, **options):
        if reset:
            read_store().reset()
        if StoryReads.objects.exists():
            self.stdout.write("Reads already exist; demo reads left as they are.")
        else:
            report = demo_reads_seed(seed=seed, days=days)
            self.stdout.write(
                f"Seeded {report.reads:,} reads of {report.stories} stories over {days} days "
                f"in {report.seconds:.1f}s."
            )
        if bulk:
            report = bulk_reads_seed(seed=seed)
            self.stdout.write(
                f"Bulk-seeded totals for {report.stories:,} more stories in {report.seconds:.1f}s."
            )
        demo_reads_publish()
