"""Who may moderate comments; applied after every migrate, on top of articles' roles.

articles.roles resets each group's model permissions first (its app migrates
before this one), so adding ours here keeps the groups exactly as the code says.
Reporters get none of these: they write stories, they do not moderate readers.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

MODERATE = [
    "comments.view_comment",
    "comments.moderate_comment",
    "comments.view_ban",
    "comments.delete_ban",
    "comments.view_commentthread",
    "comments.add_commentthread",
    "comments.change_commentthread",
    "comments.delete_commentthread",
]
WORD_LISTS = ["comments.change_commentsettings"]

COMMENT_PERMISSIONS = {
    "Moderators": MODERATE,
    "Editors": [*MODERATE, *WORD_LISTS],
    "Administrators": [*MODERATE, *WORD_LISTS],
}


def comment_roles_ensure() -> None:
    """Add the comment permissions to the moderating groups, when the groups exist."""
    for name, dotted in COMMENT_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        wanted = Q()
        for permission in dotted:
            app_label, codename = permission.split(".")
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        group.permissions.add(*Permission.objects.filter(wanted))
