"""The admin's two-step sign-in pages: give a code, or set up an authenticator app."""

from base64 import b32encode
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import user_has_device
from wagtail.admin.utils import get_valid_next_url_from_request

from .forms import CodeForm
from .services import (
    ACCEPTED,
    TOO_SOON,
    WRONG,
    totp_device_confirm,
    totp_device_pending,
    totp_token_check,
)

REFUSALS = {
    WRONG: "That code is not right or has expired. Enter the newest code your app shows.",
    TOO_SOON: "Too many wrong codes: wait a few seconds, then enter the newest code.",
}


def _code_form(request) -> CodeForm:
    return CodeForm(request.POST if request.method == "POST" else None)


def _next_url(request) -> str:
    return get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")


@never_cache
@sensitive_post_parameters("otp_token")
def two_factor_verify(request):
    if not user_has_device(request.user, confirmed=True):
        setup = reverse("accounts_two_factor_setup")
        return redirect(f"{setup}?{urlencode({'next': _next_url(request)})}")
    form = _code_form(request)
    if form.is_valid():
        outcome = totp_token_check(request=request, token=form.cleaned_data["otp_token"])
        if outcome == ACCEPTED:
            return redirect(_next_url(request))
        form.add_error("otp_token", REFUSALS[outcome])
    return TemplateResponse(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": _next_url(request)},
        status=400 if form.is_bound else 200,
    )


@never_cache
@sensitive_post_parameters("otp_token")
def two_factor_setup(request):
    device = totp_device_pending(user=request.user)
    form = _code_form(request)
    if form.is_valid():
        outcome = totp_device_confirm(request=request, token=form.cleaned_data["otp_token"])
        if outcome == ACCEPTED:
            messages.success(request, "Two-step sign-in is on for your account.")
            return redirect(_next_url(request))
        form.add_error("otp_token", REFUSALS[outcome])
    svg = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    key = b32encode(device.bin_key).decode()
    return TemplateResponse(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "next": _next_url(request),
            "qr_svg": svg.to_string(encoding="unicode"),
            "key": " ".join(key[i : i + 4] for i in range(0, len(key), 4)),
            "page_title": "Set up two-step sign-in",
        },
        status=400 if form.is_bound else 200,
    )
