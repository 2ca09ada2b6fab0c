"""Failed sign-ins: counted per address the way every other feature tells addresses."""

from django.conf import settings
from django.http import HttpRequest
from django.template.response import TemplateResponse

from newsdesk.core.client import client_address


def request_client_address(request: HttpRequest) -> str:
    """Return the address django-axes counts failures under (AXES_CLIENT_IP_CALLABLE)."""
    return client_address(meta=request.META)


def lockout_response(request: HttpRequest, original_response, credentials) -> TemplateResponse:
    """Say plainly that sign-in is locked and for how long (AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return TemplateResponse(
        request, "accounts/locked_out.html", {"minutes": minutes}, status=429
    ).render()
