"""Give the newsroom's Editors and Administrators this app's permissions.

articles.roles owns the groups and resets them after every migrate; articles
must not know this app, so the grant lives here and runs after that reset
(this app's post_migrate comes later, as it is later in INSTALLED_APPS).
"""

from django.contrib.auth.models import Group, Permission

READERSHIP_GROUPS = ("Editors", "Administrators")
CODENAMES = (
    "view_readership",
    "add_rankingoverride",
    "change_rankingoverride",
    "delete_rankingoverride",
    "view_rankingoverride",
)


def readership_permissions_grant() -> None:
    """Let Editors and Administrators see readership and pin or keep out stories."""
    permissions = Permission.objects.filter(
        content_type__app_label="analytics", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=READERSHIP_GROUPS):
        group.permissions.add(*permissions)
