"""Let the newsroom's curating roles manage related-story pins.

The roles themselves are defined in articles.roles, which must not know this
app; this adds the pin permissions to two of its groups after every migrate.
"""

from django.contrib.auth.models import Group, Permission

CURATORS = ("Editors", "Administrators")
PIN_ACTIONS = ("add", "change", "delete", "view")


def pin_permissions_grant() -> None:
    """Give Editors and Administrators every permission on related-story pins."""
    permissions = Permission.objects.filter(
        content_type__app_label="recommendations",
        codename__in=[f"{action}_relatedpins" for action in PIN_ACTIONS],
    )
    for group in Group.objects.filter(name__in=CURATORS):
        group.permissions.add(*permissions)
