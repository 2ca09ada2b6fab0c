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


# Outcomes of checking a code.
ACCEPTED, WRONG, TOO_SOON = "accepted", "wrong", "too_soon"


def _token_verify(device: TOTPDevice, token: str) -> str:
    """Check one code; django-otp refuses a code already used and, after each wrong
    code, refuses every code for a wait that doubles (1 s, 2 s, 4 s...)."""
    if not device.verify_is_allowed()[0]:
        return TOO_SOON
    return ACCEPTED if device.verify_token(token) else WRONG


@transaction.atomic
def totp_device_confirm(*, request, token: str) -> str:
    """Confirm the pending app with one of its codes and count this session as verified."""
    device = (
        TOTPDevice.objects.devices_for_user(request.user, confirmed=False)
        .select_for_update()
        .first()
    )
    if device is None:
        return WRONG
    outcome = _token_verify(device, token)
    if outcome == ACCEPTED:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
    return outcome


@transaction.atomic
def totp_token_check(*, request, token: str) -> str:
    """Verify a code against the user's apps and count this session as verified."""
    outcomes = set()
    devices = TOTPDevice.objects.devices_for_user(request.user, confirmed=True)
    for device in devices.select_for_update():
        outcome = _token_verify(device, token)
        if outcome == ACCEPTED:
            otp_login(request, device)
            return ACCEPTED
        outcomes.add(outcome)
    return TOO_SOON if outcomes == {TOO_SOON} else WRONG


def totp_devices_remove(*, user) -> int:
    """Turn two-step sign-in off for a user who lost their phone; return how many apps went.

    If their group requires it, they set up a new app at their next sign-in.
    """
    deleted, _ = TOTPDevice.objects.filter(user=user).delete()
    return deleted
