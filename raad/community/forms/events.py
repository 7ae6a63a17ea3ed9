"""Forms for events: shape only. The services check the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from raad.community.models import Association, Event
from raad.community.selectors import events as selectors
from raad.community.services.events import MAX_SEATS_PER_REGISTRATION
from raad.core.forms import DanishTextarea, validate_phone
from raad.core.languages import TABLE
from raad.councils.models import Council, Purpose, Room
from raad.councils.selectors import council_purposes

_DT = {"type": "datetime-local"}
_DT_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
CHECKBOXES = forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"})


def _datetime(label, **kwargs):
    return forms.DateTimeField(
        label=label,
        widget=forms.DateTimeInput(attrs=_DT, format="%Y-%m-%dT%H:%M"),
        input_formats=_DT_FORMATS,
        error_messages={"invalid": _("Skriv dato og klokkeslæt, fx 2026-12-03 17:00.")},
        **kwargs,
    )


def language_choices() -> list[tuple[str, str]]:
    return [(language.code, language.name_local) for language in TABLE]


class PurposeField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.number}. {obj.title}"


class EventForm(forms.Form):
    title = forms.CharField(label=pgettext_lazy("event", "Titel"), max_length=200)
    description = forms.CharField(
        label=_("Beskrivelse"),
        required=False,
        widget=DanishTextarea(attrs={"rows": 6}),
        help_text=_("Skriv enkelt og kort. Teksten kan oversættes under Oversættelser."),
    )
    purposes = PurposeField(
        label=_("Formål i kommissoriet"), queryset=Purpose.objects.none(), widget=CHECKBOXES, required=False
    )
    starts_at = _datetime(_("Begynder"))
    ends_at = _datetime(_("Slutter"), required=False)
    room = forms.ModelChoiceField(
        label=_("Lokale"),
        queryset=Room.objects.none(),
        required=False,
        empty_label=_("– andet sted (skriv sted og adresse) –"),
        help_text=_("Lokalets adresse og tilgængelighed vises på arrangementets side og i kalenderen."),
    )
    place = forms.CharField(label=_("Sted"), max_length=200, required=False)
    address = forms.CharField(label=_("Adresse"), max_length=300, required=False)
    accessibility_note = forms.CharField(
        label=_("Tilgængelighed"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Fx handicapparkering, elevator, stillerum."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Sprog ved arrangementet"), choices=language_choices, widget=CHECKBOXES, required=False
    )
    interpreters = forms.CharField(
        label=_("Tolkning"), max_length=300, required=False, help_text=_("Fx: Tolk mellem arabisk og dansk.")
    )
    co_organisers = forms.ModelMultipleChoiceField(
        label=_("Medarrangører"), queryset=Association.objects.none(), widget=CHECKBOXES, required=False
    )
    registration_required = forms.BooleanField(label=_("Kræver tilmelding"), required=False)
    capacity = forms.IntegerField(
        label=_("Pladser"), min_value=1, max_value=100000, required=False, help_text=_("Tomt: ingen grænse.")
    )
    registration_deadline = _datetime(_("Tilmeldingsfrist"), required=False)

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["purposes"].queryset = council_purposes(council)
        self.fields["room"].queryset = selectors.rooms(council)
        self.fields["co_organisers"].queryset = selectors.listed_associations(council)

    @staticmethod
    def initial_for(event: Event) -> dict:
        return {
            **{
                name: getattr(event, name)
                for name in (
                    "title",
                    "description",
                    "starts_at",
                    "ends_at",
                    "room",
                    "place",
                    "address",
                    "accessibility_note",
                    "languages",
                    "interpreters",
                    "registration_required",
                    "capacity",
                    "registration_deadline",
                )
            },
            "purposes": list(event.purposes.all()),
            "co_organisers": list(event.co_organisers.all()),
        }


class CancelEventForm(forms.Form):
    reason = forms.CharField(
        label=_("Begrundelse (sendes til de tilmeldte og vises på siden)"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_cancel_%s")
        super().__init__(*args, **kwargs)


class ReportForm(forms.Form):
    participant_count = forms.IntegerField(label=_("Antal deltagere"), min_value=0, max_value=100000, required=False)
    account = forms.CharField(
        label=_("Kort beretning (offentlig)"),
        required=False,
        widget=DanishTextarea(attrs={"rows": 4}),
        help_text=_("Ingen navne på deltagere."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_report_%s")
        super().__init__(*args, **kwargs)


class PhotoForm(forms.Form):
    file = forms.FileField(label=_("Foto (JPEG eller PNG)"))
    description = forms.CharField(label=_("Billedtekst"), max_length=300)
    consent_statement = forms.CharField(
        label=_("Samtykke"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Hvem på billedet har givet samtykke, hvornår og hvordan. Vises ikke offentligt."),
    )
    consent_given = forms.BooleanField(
        label=_("Alle, der kan genkendes på billedet, har givet samtykke til, at det vises offentligt"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_photo_%s")
        super().__init__(*args, **kwargs)


class RegistrationForm(forms.Form):
    """The public registration form. No field asks for ethnicity, religion or health (R31)."""

    name = forms.CharField(
        label=_("Dit navn"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Skriv dit navn.")},
    )
    email = forms.EmailField(
        label=_("Din e-mailadresse"),
        required=False,
        help_text=_("Du får en kvittering med et link, hvor du kan afmelde dig."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.")},
    )
    phone = forms.CharField(
        label=_("Dit telefonnummer"),
        max_length=30,
        required=False,
        validators=[validate_phone],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    seats = forms.IntegerField(
        label=_("Antal personer"),
        min_value=1,
        max_value=MAX_SEATS_PER_REGISTRATION,
        initial=1,
        error_messages={
            "required": _("Skriv, hvor mange I kommer."),
            "invalid": _("Skriv et tal."),
            "min_value": _("Tilmeld mindst %(limit_value)s person."),
            "max_value": _("Du kan højst tilmelde %(limit_value)s personer."),
        },
    )
    interpreter_language = forms.ChoiceField(label=_("Jeg har brug for tolk til"), required=False)
    needs_step_free = forms.BooleanField(label=_("Jeg har brug for niveaufri adgang (fx kørestol)"), required=False)
    needs_childcare = forms.BooleanField(label=_("Jeg har brug for børnepasning"), required=False)
    waiting_list = forms.BooleanField(label=_("Skriv mig på ventelisten, hvis der ikke er plads"), required=False)
    # The honeypot: hidden from people (the `hidden` attribute), filled in by robots.
    website = forms.CharField(label=pgettext_lazy("honeypot", "Lad dette felt være tomt"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interpreter_language"].choices = [("", _("– ingen tolk –")), *language_choices()]

    def clean(self):
        data = super().clean()
        if (
            not data.get("email")
            and not data.get("phone")
            and "email" not in self.errors
            and "phone" not in self.errors
        ):
            self.add_error("email", _("Skriv din e-mailadresse eller dit telefonnummer."))
        return data

    @property
    def is_robot(self) -> bool:
        return bool((self.data.get("website") or "").strip())


def month_param(value: str | None) -> tuple[int, int] | None:
    """(year, month) from `?maaned=2026-12`, or None when missing or malformed."""
    try:
        year_text, month_text = (value or "").split("-")
        year, month = int(year_text), int(month_text)
    except ValueError:
        return None
    return (year, month) if 1900 < year < 3000 and 1 <= month <= 12 else None
