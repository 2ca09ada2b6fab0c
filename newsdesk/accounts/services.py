"""Two-step sign-in: setting up an authenticator app and checking its codes."""

from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

APP_NAME = "Authenticator app"


def totp_device_pending(*, user) -> TOTPDevice:
    """Return the app the user is setting up, creating it on first visit.

    It stays unconfirmed, and so unused at sign-in, until a code from it is given.
    """
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


@transaction.atomic
def totp_device_confirm(*, request, token: str) -> bool:
    """Confirm the pending app with one of its codes and count this session as verified."""
    device = (
        TOTPDevice.objects.devices_for_user(request.user, confirmed=False)
        .select_for_update()
        .first()
    )
    if device is None or not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return True


@transaction.atomic
def totp_token_check(*, request, token: str) -> bool:
    """Verify a code against the user's apps and count this session as verified.

    django-otp refuses a code already used and slows down repeated wrong codes
    (its throttle doubles the wait after each failure).
    """
    devices = TOTPDevice.objects.devices_for_user(request.user, confirmed=True)
    for device in devices.select_for_update():
        if device.verify_token(token):
            otp_login(request, device)
            return True
    return False
