from datetime import date, timedelta

from django import forms
from django.utils import timezone

from newsdesk.articles.models import SectionPage
from newsdesk.articles.selectors import sections_live

MAX_QUERY_LENGTH = 200
# A day whose start, in any time zone, is still a date Python can hold.
CALENDAR_SAFE_START = date.min + timedelta(days=1)


class SearchForm(forms.Form):
    """What a reader asks for; every field optional, every value checked."""

    q = forms.CharField(
        label="Search for",
        max_length=MAX_QUERY_LENGTH,
        required=False,
        widget=forms.SearchInput(attrs={"autocomplete": "off"}),
    )
    section = forms.ModelChoiceField(
        label="Section",
        queryset=SectionPage.objects.none(),  # set per form: see __init__
        to_field_name="slug",
        required=False,
        empty_label="All sections",
    )
    published_from = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    published_to = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Restrictions are read when a form is made, not when this module loads:
        # they change while the site runs, and before migrate there is no table.
        self.fields["section"].queryset = sections_live()

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("published_from"), cleaned_data.get("published_to")
        if start and end and start > end:
            self.add_error("published_to", "The end date must not be before the start date.")
        today = timezone.localdate()
        if start and start > today:
            self.add_error("published_from", "The start date cannot be in the future.")
        # Nothing is published after today, so a later end means today; and at the
        # calendar's edges the day's bounds in UTC would fall outside it (9999-12-31).
        if end and end > today:
            cleaned_data["published_to"] = today
        if start and start < CALENDAR_SAFE_START:
            cleaned_data["published_from"] = None
        return cleaned_data

    def full_clean(self):
        super().full_clean()
        # Screen readers announce a field's error with the field when the two are linked.
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}-error"

    @property
    def is_blank(self) -> bool:
        return not any(self.cleaned_data.get(name) for name in self.fields)
