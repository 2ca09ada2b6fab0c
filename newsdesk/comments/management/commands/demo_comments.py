from django.core.management.base import BaseCommand

from newsdesk.comments.demo import demo_comments_build


class Command(BaseCommand):
    help = "Add demo comments in every moderation state to the newest stories (once)."

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, default=8, help="How many stories get comments.")
        parser.add_argument("--seed", type=int, default=4)

    def handle(self, *args, stories, seed, **options):
        added = demo_comments_build(stories=stories, seed=seed)
        if added:
            self.stdout.write(f"Added {added} demo comments.")
        else:
            self.stdout.write("Demo comments are already there.")
