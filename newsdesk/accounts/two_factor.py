"""Who must set up two-step sign-in before using the admin."""

from django.conf import settings


def two_factor_required_by_group(user) -> bool:
    """Return whether one of the user's groups is named in NEWSDESK_2FA_REQUIRED_GROUPS."""
    required = settings.NEWSDESK_2FA_REQUIRED_GROUPS
    return bool(required) and user.groups.filter(name__in=required).exists()
