"""Admin sessions: renewed while in use, and closed to users who owe a two-step code."""

from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django_otp import user_has_device

from newsdesk.core.csp import admin_prefix

from .two_factor import two_factor_required_by_group

# Views a signed-in user may reach before giving a code: signing in and out,
# giving the code, and the admin's script and icon files those pages need.
OPEN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "accounts_two_factor_verify",
}
SETUP_VIEW = "accounts_two_factor_setup"


class TwoFactorMiddleware:
    """Send an unverified admin user to give a code, or to set up an app when their group must.

    Anyone who has set up an app is asked for a code, or a stolen password alone
    would still get in. Only admin URLs are guarded: the public site never asks,
    so readers' pages stay the same for everyone. django-otp's OTPMiddleware,
    placed before this one, tells whether the session has given a code.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # The path first: reading request.user loads the session, which would add
        # "Vary: Cookie" to readers' pages and beacons.
        if not request.path.startswith(admin_prefix()):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        name = request.resolver_match.url_name
        if name in OPEN_VIEWS:
            return None
        if user_has_device(user, confirmed=True):
            target = reverse("accounts_two_factor_verify")
        elif name == SETUP_VIEW or not two_factor_required_by_group(user):
            return None
        else:
            target = reverse(SETUP_VIEW)
        return redirect_to_login(request.get_full_path(), login_url=target)


class AdminSessionRenewMiddleware:
    """Move a signed-in admin session's end on with each admin request.

    So a session ends SESSION_COOKIE_AGE after its last admin request. Only admin
    requests: SESSION_SAVE_EVERY_REQUEST would save, and set a cookie on, every
    request carrying a session cookie, and create a row for each stale or forged one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(admin_prefix()) and request.user.is_authenticated:
            request.session.modified = True
        return response
