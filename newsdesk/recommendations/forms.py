from wagtail.admin.forms import WagtailAdminModelForm


class RelatedPinsForm(WagtailAdminModelForm):
    """Pins must name other stories, each once; checked here, where the story is known."""

    def clean(self):
        cleaned_data = super().clean()
        story = cleaned_data.get("story")
        items = self.formsets.get("items")
        if story is None or items is None or not items.is_valid():
            return cleaned_data
        seen = set()
        for form in items.forms:
            pinned = form.cleaned_data.get("related")
            if pinned is None or form.cleaned_data.get("DELETE"):
                continue
            if pinned == story:
                form.add_error("related", "A story cannot be related to itself.")
            elif pinned.pk in seen:
                form.add_error("related", "This story is already pinned.")
            seen.add(pinned.pk)
        return cleaned_data
