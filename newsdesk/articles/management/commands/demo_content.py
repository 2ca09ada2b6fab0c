"""Build the demo newsroom: sections, writers, drawn photos, stories, picks and sign-ins."""

from django.core.management.base import BaseCommand

from newsdesk.articles.demo.build import (
    BASE_STORY_COUNT,
    DEMO_SEED,
    DemoReport,
    archive_build,
    demo_build,
)
from newsdesk.articles.models import ArticlePage


class Command(BaseCommand):
    help = (
        "Create the demo content; running it again adds nothing. "
        "--articles N then adds N older stories through bulk inserts, for benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing if any story exists."
        )
        parser.add_argument(
            "--articles", type=int, default=0, metavar="N", help="Add N extra stories in bulk."
        )
        parser.add_argument("--seed", type=int, default=DEMO_SEED)
        parser.add_argument(
            "--stories",
            type=int,
            default=BASE_STORY_COUNT,
            metavar="N",
            help="Published stories in the base demo.",
        )
        parser.add_argument(
            "--no-renditions",
            action="store_true",
            help="Skip making image renditions ahead of page views.",
        )
        parser.add_argument(
            "--index",
            action="store_true",
            help="Also add the --articles stories to the search index (about 8 ms a story).",
        )

    def handle(self, *args, **options):
        if options["if_empty"] and ArticlePage.objects.exists():
            self.stdout.write("Stories already exist; demo content left as it is.")
            return
        report = demo_build(
            seed=options["seed"],
            stories=options["stories"],
            renditions=not options["no_renditions"],
        )
        self._base_summary(report)
        if options["articles"] > 0:
            archive = archive_build(
                seed=options["seed"], count=options["articles"], index=options["index"]
            )
            indexing = (
                f"indexed for search in {archive.index_seconds:.1f}s"
                if archive.indexed
                else "not in the search index (--index, or update_index, adds them)"
            )
            self.stdout.write(
                f"Added {archive.stories_created} archive stories in "
                f"{archive.insert_seconds:.1f}s, {indexing}."
            )

    def _base_summary(self, report: DemoReport) -> None:
        self.stdout.write(
            f"Demo content: {report.stories_created} stories created, "
            f"{report.stories_published} published in all, {report.authors} authors, "
            f"{report.images} images, {report.renditions_created} renditions made, "
            f"{report.accounts_created} accounts created, in {report.seconds:.1f}s."
        )
