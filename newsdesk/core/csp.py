"""Content-Security-Policy: the strict policy for readers, a looser one for the admin.

Public pages load only this site's own script and style files, so their policy
(settings.CONTENT_SECURITY_POLICY) allows no inline code at all. Wagtail's
admin still writes inline scripts and style attributes, so paths under the
admin get settings.NEWSDESK_ADMIN_CSP_DIRECTIVES instead. Both are whole
policies, chosen by path, so a page can never end up with a mix of the two.
"""

from functools import cache

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.urls import reverse


@cache
def admin_prefix() -> str:
    """The admin's path, script prefix included, so compare it with request.path."""
    return reverse("wagtailadmin_home")


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy swapped in under the admin's path."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path.startswith(admin_prefix()):
            parts.config = settings.NEWSDESK_ADMIN_CSP_DIRECTIVES
        return parts
