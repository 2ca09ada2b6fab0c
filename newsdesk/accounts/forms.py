from django import forms
from django.core.validators import RegexValidator


class CodeField(forms.CharField):
    """Six digits; spaces, as apps group them ("123 456"), are dropped first."""

    default_validators = [RegexValidator(r"^[0-9]{6}$", "Enter the six digits your app shows.")]

    def to_python(self, value):
        return "".join(super().to_python(value).split())


class CodeForm(forms.Form):
    otp_token = CodeField(
        label="Code from your authenticator app",
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )
