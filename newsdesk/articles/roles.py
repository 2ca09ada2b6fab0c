"""The newsroom's roles, defined once and applied after every migrate.

Reporters write and submit; Editors publish, schedule and curate;
Moderators look after readers' comments; Administrators also manage people.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)

ADMIN_ACCESS = ["wagtailadmin.access_admin"]
# Wagtail checks image permissions on its own Image model, whatever model
# WAGTAILIMAGES_IMAGE_MODEL names, so NewsImage's own permissions would grant nothing.
IMAGE_WRITE = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
]

PAGE_PERMISSIONS = {
    "Reporters": ["add_page"],
    "Editors": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    "Moderators": [],
    "Administrators": [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ],
}
COLLECTION_PERMISSIONS = {
    "Reporters": IMAGE_WRITE,
    "Editors": [*IMAGE_WRITE, "wagtailimages.delete_image"],
    "Moderators": [],
    "Administrators": [*IMAGE_WRITE, "wagtailimages.delete_image"],
}
MODEL_PERMISSIONS = {
    "Reporters": [*ADMIN_ACCESS, "articles.view_author"],
    "Editors": [
        *ADMIN_ACCESS,
        "articles.add_author",
        "articles.change_author",
        "articles.view_author",
        "articles.change_mustreads",
        "taggit.add_tag",
        "taggit.change_tag",
    ],
    "Moderators": ADMIN_ACCESS,
    "Administrators": [
        *ADMIN_ACCESS,
        "articles.add_author",
        "articles.change_author",
        "articles.delete_author",
        "articles.view_author",
        "articles.change_mustreads",
        "taggit.add_tag",
        "taggit.change_tag",
        "taggit.delete_tag",
        "accounts.add_user",
        "accounts.change_user",
        "accounts.delete_user",
        "auth.add_group",
        "auth.change_group",
        "auth.delete_group",
        "wagtailcore.add_workflow",
        "wagtailcore.change_workflow",
        "wagtailcore.add_task",
        "wagtailcore.change_task",
    ],
}
REVIEWERS = "Editors"


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def editorial_roles_ensure() -> None:
    """Make the groups hold exactly the permissions above, and route review to Editors."""
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    if root_page is None or root_collection is None:
        return
    page_perm = {p.codename: p for p in Permission.objects.filter(content_type__model="page")}
    for name, page_codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set([_permission(p) for p in MODEL_PERMISSIONS[name]])
        GroupPagePermission.objects.filter(group=group).delete()
        GroupPagePermission.objects.bulk_create(
            GroupPagePermission(group=group, page=root_page, permission=page_perm[codename])
            for codename in page_codenames
        )
        GroupCollectionPermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.bulk_create(
            GroupCollectionPermission(
                group=group, collection=root_collection, permission=_permission(p)
            )
            for p in COLLECTION_PERMISSIONS[name]
        )
    reviewers = Group.objects.get(name=REVIEWERS)
    for task in GroupApprovalTask.objects.filter(
        workflow_tasks__workflow__workflow_pages__page=root_page
    ):
        task.groups.set([reviewers])
        if task.name == "Moderators approval":
            task.name = "Editors' review"
            task.save(update_fields=["name"])
