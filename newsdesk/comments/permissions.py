"""Readers write comments and moderators decide on them; nobody rewrites a reader's words.

Comments and bans are created only by the site's own code, so their "add" and
"change" permissions are refused even to superusers; viewing, moderating and
deleting follow the usual model permissions.
"""

from wagtail.permission_policies import ModelPermissionPolicy

READ_ONLY_ACTIONS = {"add", "change"}


class DecideOnlyPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action not in READ_ONLY_ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) - READ_ONLY_ACTIONS)


def user_can_moderate(user) -> bool:
    return user.is_active and user.has_perm("comments.moderate_comment")
