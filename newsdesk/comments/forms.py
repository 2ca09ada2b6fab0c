from django import forms
from django.conf import settings

from .models import Report
from .text import (
    MAX_GRAPHEME_CODE_POINTS,
    text_length,
    text_longest_grapheme,
    text_normalise,
)

NAME_MAX = 50


class CommentForm(forms.Form):
    name = forms.CharField(label="Name", max_length=400, strip=False)
    email = forms.EmailField(
        label="E-mail", help_text="Never shown, never shared; only our moderators see it."
    )
    text = forms.CharField(label="Your comment", strip=False, widget=forms.Textarea)
    parent = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    token = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)
    # The honeypot: hidden from people by CSS and from assistive technology; bots fill it in.
    website = forms.CharField(required=False, max_length=400)

    def clean_name(self):
        name = " ".join(text_normalise(text=self.cleaned_data["name"]).split())
        if not name:
            raise forms.ValidationError("Please give a name to show with your comment.")
        if text_length(text=name) > NAME_MAX:
            raise forms.ValidationError(f"A name is at most {NAME_MAX} characters long.")
        if text_longest_grapheme(text=name) > MAX_GRAPHEME_CODE_POINTS:
            raise forms.ValidationError("Too many accents are stacked on one character.")
        return name

    def clean_text(self):
        text = text_normalise(text=self.cleaned_data["text"])
        limit = settings.NEWSDESK_COMMENTS_MAX_LENGTH
        length = text_length(text=text)
        if not length:
            raise forms.ValidationError("Please write your comment.")
        if length > limit:
            raise forms.ValidationError(
                f"Your comment is {length} characters long, {length - limit} over the "
                f"limit of {limit}. Please shorten it; your text is kept below."
            )
        if text_longest_grapheme(text=text) > MAX_GRAPHEME_CODE_POINTS:
            raise forms.ValidationError("Too many accents are stacked on one character.")
        return text


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label="What is wrong with this comment?",
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
    )
    token = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)
