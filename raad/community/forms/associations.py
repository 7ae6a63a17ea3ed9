"""Forms of the associations: shape only. The services check the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from raad.community.services.associations import REASON_MAX_LENGTH, TEXT_MAX_LENGTH
from raad.core import languages
from raad.core.forms import validate_phone

CHECKBOXES = forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"})


def language_choices() -> list[tuple[str, str]]:
    return [(lang.code, lang.name_local) for lang in languages.TABLE]


class AssociationForm(forms.Form):
    """The secretariat's form (add, edit)."""

    name = forms.CharField(
        label=_("Foreningens navn"), max_length=200, error_messages={"required": _("Skriv foreningens navn.")}
    )
    purpose = forms.CharField(
        label=_("Formål"), required=False, max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )
    activities = forms.CharField(
        label=_("Aktiviteter"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Fx lektiecafé, fodbold, sprogcafé, kulturaftener."),
    )
    languages = forms.MultipleChoiceField(label=_("Sprog"), required=False, widget=CHECKBOXES, choices=())
    website = forms.URLField(
        label=_("Hjemmeside"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Skriv en gyldig webadresse, fx https://forening.dk.")},
    )
    contact_name = forms.CharField(
        label=_("Kontaktperson"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_email = forms.EmailField(
        label=_("Kontaktpersonens e-mail"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.")},
    )
    contact_phone = forms.CharField(
        label=_("Kontaktpersonens telefon"),
        max_length=30,
        required=False,
        validators=[validate_phone],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    contact_public = forms.BooleanField(
        label=_("Kontaktpersonen har givet samtykke til at blive vist offentligt"),
        required=False,
        help_text=_("Uden samtykke vises kontaktpersonen aldrig på de offentlige sider."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = language_choices()


class AssociationRequestForm(AssociationForm):
    """The public form "Bliv optaget i foreningsoversigten"."""

    # The honeypot: hidden from people (the `hidden` attribute), filled in by robots.
    fax = forms.CharField(label=pgettext_lazy("honeypot", "Lad dette felt være tomt"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact_name"].required = True
        self.fields["contact_name"].label = _("Dit navn (kontaktperson)")
        self.fields["contact_name"].error_messages["required"] = _("Skriv navnet på foreningens kontaktperson.")
        self.fields["contact_email"].required = True
        self.fields["contact_email"].label = _("Din e-mailadresse")
        self.fields["contact_email"].help_text = _("Vi skriver til dig, når sekretariatet har behandlet anmodningen.")
        self.fields["contact_email"].error_messages["required"] = _(
            "Skriv kontaktpersonens e-mailadresse, så vi kan svare."
        )
        self.fields["contact_phone"].label = _("Dit telefonnummer")
        self.fields["contact_public"].label = _(
            "Jeg giver samtykke til, at mit navn, min e-mail og mit telefonnummer vises i foreningsoversigten"
        )
        self.fields["contact_public"].help_text = _(
            "Frivilligt. Uden dit samtykke vises kun foreningens oplysninger, aldrig dine."
        )

    @property
    def is_robot(self) -> bool:
        return bool((self.data.get("fax") or "").strip())


class DirectoryFilterForm(forms.Form):
    sprog = forms.ChoiceField(label=_("Sprog"), required=False, choices=())
    tekst = forms.CharField(label=_("Søg i aktiviteter og formål"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sprog"].choices = [("", _("Alle sprog")), *language_choices()]


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Vis"), required=False, choices=())

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Alle")), *choices]


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Begrundelse (foreningen får den at vide)"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Skriv en begrundelse. Foreningen får den at vide.")},
    )
