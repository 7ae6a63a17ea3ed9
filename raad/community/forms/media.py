"""Forms of local media: shape only. The services check the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from raad.community.selectors import media as selectors
from raad.core.forms import DanishTextarea
from raad.councils.models import Council
from raad.councils.selectors import council_purposes

from .volunteering import date_field, purposes_field

_EMAIL_ERRORS = {"invalid": _("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.")}


class PressReleaseForm(forms.Form):
    title = forms.CharField(label=_("Overskrift"), max_length=200)
    body = forms.CharField(
        label=_("Tekst"),
        widget=DanishTextarea(attrs={"rows": 12}),
        help_text=_("Det, medierne og borgerne læser. Intet CPR-nummer og ingen navne på borgere."),
    )
    purposes = purposes_field()
    internal_note = forms.CharField(
        label=_("Intern note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Kun for rådet og sekretariatet. Sendes og vises aldrig."),
    )

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["purposes"].queryset = council_purposes(council)


class OutletForm(forms.Form):
    name = forms.CharField(label=_("Medie"), max_length=200)
    email = forms.EmailField(label=_("Redaktionens e-mail"), error_messages=_EMAIL_ERRORS)


class OutletEditForm(OutletForm):
    active = forms.BooleanField(label=_("På medielisten"), required=False)


class CoverageForm(forms.Form):
    outlet = forms.CharField(label=_("Medie"), max_length=200)
    published_on = date_field(_("Dato"))
    headline = forms.CharField(label=_("Overskrift"), max_length=300)
    link = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
    topic = forms.ModelChoiceField(label=_("Emne"), queryset=None, required=False)
    purposes = purposes_field()

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = selectors.council_topics(council)
        self.fields["topic"].label_from_instance = lambda t: f"{t.number}. {t.title}"
        self.fields["purposes"].queryset = council_purposes(council)


class CoverageYearForm(forms.Form):
    aar = forms.TypedChoiceField(label=_("År"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aar"].choices = [("", _("Alle år"))] + [(y, str(y)) for y in years]
