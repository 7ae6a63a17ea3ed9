"""Forms of volunteering: shape only. The services check the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from raad.community.models import VolunteeringContribution
from raad.community.selectors import volunteering as selectors
from raad.core.forms import DanishTextarea
from raad.core.languages import TABLE
from raad.councils.models import Council
from raad.councils.selectors import council_purposes

_DATE = {"type": "date"}
_CHECKBOXES = {"class": "form-checkbox"}


def date_field(label, **kwargs):
    return forms.DateField(label=label, widget=forms.DateInput(attrs=_DATE, format="%Y-%m-%d"), **kwargs)


class NumberedChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.number}. {obj.title}"


def purposes_field():
    return NumberedChoiceField(
        label=_("Formål i kommissoriet"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple(attrs=_CHECKBOXES),
        required=False,
    )


class StrategyForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    adopted_on = date_field(_("Vedtaget"), required=False)
    link = forms.URLField(label=_("Link til strategien"), required=False, assume_scheme="https")
    summary = forms.CharField(label=_("Resumé"), widget=DanishTextarea(attrs={"rows": 5}), required=False)


class GoalForm(forms.Form):
    number = forms.IntegerField(label=_("Nummer"), min_value=1, max_value=99)
    title = forms.CharField(label=_("Mål"), max_length=300)
    description = forms.CharField(label=_("Beskrivelse"), widget=DanishTextarea(attrs={"rows": 3}), required=False)


class ContributionForm(forms.Form):
    goal = forms.ModelChoiceField(label=_("Mål i strategien"), queryset=None)
    what = forms.CharField(label=_("Hvad rådet gjorde"), widget=DanishTextarea(attrs={"rows": 4}))
    done_on = date_field(_("Dato"))
    kind = forms.ChoiceField(label=_("Slags"), choices=VolunteeringContribution.Kind.choices, widget=forms.RadioSelect)
    event = forms.ModelChoiceField(label=_("Arrangement"), queryset=None, required=False)
    statement = forms.ModelChoiceField(label=_("Udtalelse"), queryset=None, required=False)
    dialogue_entry = forms.ModelChoiceField(label=_("Dialog i dialogloggen"), queryset=None, required=False)
    purposes = purposes_field()

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = selectors.goals(council)
        self.fields["event"].queryset = selectors.council_events(council)
        self.fields["statement"].queryset = selectors.council_statements(council)
        self.fields["dialogue_entry"].queryset = selectors.council_dialogue(council)
        self.fields["dialogue_entry"].label_from_instance = lambda e: f"{e.held_on:%d.%m.%Y} {e.organisation}".strip()
        self.fields["purposes"].queryset = council_purposes(council)


class OpportunityForm(forms.Form):
    association = forms.ModelChoiceField(
        label=_("Forening"),
        queryset=None,
        required=False,
        help_text=_("Vælg foreningen fra rådets oversigt, eller skriv arrangøren nedenfor."),
    )
    organiser = forms.CharField(label=_("Anden arrangør"), max_length=200, required=False)
    title = forms.CharField(label=_("Titel"), max_length=200)
    description = forms.CharField(label=_("Hvad skal de frivillige lave?"), widget=DanishTextarea(attrs={"rows": 5}))
    place = forms.CharField(label=_("Hvor"), max_length=300, required=False)
    languages = forms.MultipleChoiceField(
        label=_("Sprog"),
        choices=[(lang.code, lang.name_da) for lang in TABLE],
        widget=forms.CheckboxSelectMultiple(attrs=_CHECKBOXES),
        required=False,
    )
    contact_email = forms.EmailField(
        label=_("Offentlig kontakt-e-mail"),
        required=False,
        help_text=_("Kun den adresse, foreningen har givet til netop dette job. Den vises offentligt."),
        error_messages={"invalid": _("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.")},
    )
    starts_on = date_field(_("Vises fra"))
    ends_on = date_field(
        _("Slutdato"), help_text=_("Sidste dag jobbet vises. Dagen efter er det væk fra rådets offentlige sider.")
    )
    internal_note = forms.CharField(
        label=_("Intern note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Kun for sekretariatet. Vises aldrig offentligt."),
    )

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["association"].queryset = selectors.council_associations(council)
