import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    """Start every test with an empty cache, as a fresh server would."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def user_in_group(db):
    """Make a user who belongs to one of the newsroom's groups."""

    def make(group_name: str, username: str | None = None):
        user = get_user_model().objects.create_user(
            username=username or group_name.lower(), password="not-a-real-password-1"
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make
