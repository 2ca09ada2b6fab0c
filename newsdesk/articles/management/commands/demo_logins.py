"""Print where the admin is and the demo sign-ins whose demo passwords still work."""

from django.conf import settings
from django.core.management.base import BaseCommand

from newsdesk.articles.demo.accounts import accounts_usable


class Command(BaseCommand):
    help = "Print the admin address and the demo logins that still work."

    def handle(self, *args, **options):
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(f"\n  Site:  {base}/\n  Admin: {base}/admin/\n")
        logins = accounts_usable()
        if not logins:
            self.stdout.write("  (No demo logins: their passwords have been changed.)\n")
            return
        width = max(len(username) for _, username, _ in logins)
        for role, username, password in logins:
            self.stdout.write(f"  {role:<14} {username:<{width}}  password: {password}")
        self.stdout.write("")
