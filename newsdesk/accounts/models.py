from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The newsroom's user; custom from the first migration so it can grow."""

    class Meta:
        db_table = "accounts_user"

    def __str__(self):
        return self.get_full_name() or self.username
