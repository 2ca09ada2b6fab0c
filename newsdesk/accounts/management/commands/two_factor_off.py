"""Turn two-step sign-in off for one account, e.g. after its phone was lost."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from newsdesk.accounts.services import totp_devices_remove


class Command(BaseCommand):
    help = "Remove a user's authenticator apps so they can sign in with their password again."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user is called {username!r}.")
        removed = totp_devices_remove(user=user)
        self.stdout.write(f"Removed {removed} authenticator app(s) from {username}.")
