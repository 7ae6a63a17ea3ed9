"""Forms of the annual report's workspace pages."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from raad.secretariat.rules import SECTIONS
from raad.statements.models import Committee


class StartForm(forms.Form):
    year = forms.TypedChoiceField(label=_("År"), coerce=int)

    def __init__(self, *args, taken: set[int], **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"].choices = [(y, str(y)) for y in range(this_year, this_year - 5, -1) if y not in taken]


class CommentsForm(forms.Form):
    introduction = forms.CharField(label=_("Forord"), required=False, widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, title in SECTIONS:
            self.fields[f"comment_{key}"] = forms.CharField(
                label=title, required=False, widget=forms.Textarea(attrs={"rows": 3})
            )

    def comments(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(f"comment_{key}", "") for key, _title in SECTIONS}


class SendForm(forms.Form):
    recipient = forms.ModelChoiceField(
        label=_("Modtager"), queryset=Committee.objects.none(), error_messages={"required": _("Vælg modtageren.")}
    )

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].queryset = Committee.objects.filter(municipality_id=council.municipality_id).exclude(
            email=""
        )
