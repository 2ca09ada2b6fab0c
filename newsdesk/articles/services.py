"""Writes with rules or side effects on stories."""

from django.core.management import call_command


def scheduled_pages_publish() -> None:
    """Publish stories whose go-live time has come and unpublish expired ones.

    Wagtail keeps scheduled revisions; its publish_scheduled command applies
    them, and the worker runs this every NEWSDESK_WORKER_INTERVAL seconds.
    """
    call_command("publish_scheduled", verbosity=0)
