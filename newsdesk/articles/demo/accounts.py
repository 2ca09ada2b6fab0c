"""The demo's sign-ins, one per newsroom role, with passwords printed for the demo only."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


@dataclass(frozen=True)
class DemoAccount:
    role: str
    username: str
    password: str
    group: str | None
    first_name: str
    last_name: str


DEMO_ACCOUNTS = (
    DemoAccount("Administrator", "admin", "newsdesk-admin", None, "Ada", "Admin"),
    DemoAccount("Editor", "editor", "newsdesk-editor", "Editors", "Edie", "Torres"),
    DemoAccount("Reporter", "reporter", "newsdesk-reporter", "Reporters", "Ray", "Porter"),
    DemoAccount("Moderator", "moderator", "newsdesk-moderator", "Moderators", "Mo", "Dale"),
)


def accounts_ensure() -> int:
    """Create the missing demo users in their groups; return how many were created.

    Existing users keep their password, so a changed demo password stays changed.
    """
    User = get_user_model()
    created = 0
    for account in DEMO_ACCOUNTS:
        user = User.objects.filter(username=account.username).first()
        if user is None:
            user = User(
                username=account.username,
                email=f"{account.username}@newsdesk.example",
                first_name=account.first_name,
                last_name=account.last_name,
                is_staff=account.group is None,
                is_superuser=account.group is None,
            )
            user.set_password(account.password)
            user.save()
            created += 1
        if account.group:
            user.groups.add(Group.objects.get(name=account.group))
    return created


def accounts_usable() -> list[tuple[str, str, str]]:
    """Return (role, username, password) for each demo user whose demo password still works."""
    users = get_user_model().objects.in_bulk(
        [a.username for a in DEMO_ACCOUNTS], field_name="username"
    )
    return [
        (a.role, a.username, a.password)
        for a in DEMO_ACCOUNTS
        if a.username in users and users[a.username].check_password(a.password)
    ]
