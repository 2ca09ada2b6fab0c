from django.urls import reverse


def comment_urls(*, page) -> dict[str, str]:
    """Return the reply and report addresses once per page, not once per comment."""
    return {
        "write_url": reverse("comments:write", args=[page.pk]),
        "report_url": reverse("comments:report"),
    }
