from django import forms
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from raad.core import languages
from raad.councils import rules as procedure
from raad.councils.models import Council, Purpose, RulesChange, RulesOfProcedure, TermsOfReference
from raad.councils.services import COUNCIL_CONTACT_FIELDS, TOR_FIELDS

_DATE = {"type": "date"}


class TermsOfReferenceForm(forms.ModelForm):
    legal_basis_url = forms.URLField(
        label=capfirst(TermsOfReference._meta.get_field("legal_basis_url").verbose_name),
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = TermsOfReference
        fields = TOR_FIELDS
        widgets = {"approved_on": forms.DateInput(attrs=_DATE, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Every section of the public council page needs its Danish text (the English falls back to it); an
        # emptied field would publish an empty section, "what the council cannot do" included.
        for name in TermsOfReference.TEXT_FIELDS:
            self.fields[name].required = True


class CitizenLanguagesForm(forms.Form):
    """The community languages of the council's citizen pages: those the site is configured for
    (RAAD_LANGUAGES), each named in Danish and in its own name."""

    languages = forms.MultipleChoiceField(
        label=_("Sprog på borgersiderne ud over dansk og engelsk"),
        help_text=_(
            "Forsiden, siden om rådet, kontakt, persondata og tilgængelighedserklæringen vises også på de valgte "
            "sprog. Tekster uden oversættelse vises på dansk med en besked om det."
        ),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = [
            (code, f"{languages.language(code).name_da.capitalize()} ({name})")
            for code, name in settings.LANGUAGES
            if languages.is_community(code)
        ]


class ContactForm(forms.ModelForm):
    class Meta:
        model = Council
        fields = COUNCIL_CONTACT_FIELDS
        widgets = {"contact_address": forms.Textarea(attrs={"rows": 3})}


class PurposeForm(forms.ModelForm):
    tasks = forms.CharField(
        label=_("Opgaver (dansk)"),
        help_text=_("Én opgave pr. linje."),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    tasks_en = forms.CharField(
        label=_("Opgaver (engelsk)"),
        help_text=_("Én opgave pr. linje, i samme rækkefølge som de danske."),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )

    class Meta:
        model = Purpose
        fields = ("title", "title_en", "description", "description_en")
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }

    def task_pairs(self) -> list[tuple[str, str]]:
        danish = [line.strip() for line in self.cleaned_data.get("tasks", "").splitlines() if line.strip()]
        english = [line.strip() for line in self.cleaned_data.get("tasks_en", "").splitlines() if line.strip()]
        return [(da, english[i] if i < len(english) else "") for i, da in enumerate(danish)]

    def clean(self):
        cleaned = super().clean()
        danish = [line for line in cleaned.get("tasks", "").splitlines() if line.strip()]
        english = [line for line in cleaned.get("tasks_en", "").splitlines() if line.strip()]
        if english and len(english) != len(danish):
            self.add_error(
                "tasks_en", _("Der skal være lige så mange engelske som danske opgaver (%(n)s).") % {"n": len(danish)}
            )
        return cleaned


class _RulesSettingsForm(forms.ModelForm):
    """A form with the settings of the rules of procedure that never saves its model: the service checks and writes it."""

    def _post_clean(self):
        pass

    @property
    def setting_fields(self):
        return [self[name] for name in procedure.SETTING_FIELDS]

    def settings_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in procedure.SETTING_FIELDS}


class RulesVersionForm(_RulesSettingsForm):
    """A new version of the rules of procedure, pre-filled with the version in force."""

    decision_reference = forms.CharField(
        label=_("Beslutningsreference"),
        max_length=150,
        help_text=_("Fx mødedato og punktnummer: KB 24.09.2026, pkt. 12"),
    )
    decision_url = forms.URLField(label=_("Link til beslutningen"), required=False, assume_scheme="https")

    class Meta:
        model = RulesOfProcedure
        fields = (
            "in_force_from",
            "adopted_on",
            "council_endorsed_on",
            "change_summary",
            "change_summary_en",
            *procedure.SETTING_FIELDS,
        )
        widgets = {
            "in_force_from": forms.DateInput(attrs=_DATE),
            "adopted_on": forms.DateInput(attrs=_DATE),
            "council_endorsed_on": forms.DateInput(attrs=_DATE),
            "change_summary": forms.Textarea(attrs={"rows": 3}),
            "change_summary_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in procedure.SETTING_FIELDS:
            self.fields[name].help_text = procedure.reference(name)


class RulesChangeProposalForm(_RulesSettingsForm):
    """A proposed change of the rules of procedure (R8), pre-filled with the version in force."""

    class Meta:
        model = RulesChange
        fields = ("in_force_from", "change_summary", "change_summary_en")
        widgets = {
            "in_force_from": forms.DateInput(attrs=_DATE),
            "change_summary": forms.Textarea(attrs={"rows": 3}),
            "change_summary_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        settings_form = forms.modelform_factory(RulesOfProcedure, fields=procedure.SETTING_FIELDS)
        for name in procedure.SETTING_FIELDS:
            self.fields[name] = settings_form.base_fields[name]
            self.fields[name].help_text = procedure.reference(name)


class RulesChangeVoteForm(forms.Form):
    voted_on = forms.DateField(label=_("Afstemningsdato"), widget=forms.DateInput(attrs=_DATE))
    votes_for = forms.IntegerField(label=_("Stemmer for"), min_value=0, max_value=99)
    votes_against = forms.IntegerField(label=_("Stemmer imod"), min_value=0, max_value=99)
    votes_abstained = forms.IntegerField(label=_("Undlod at stemme"), min_value=0, max_value=99, initial=0)
    meeting_reference = forms.CharField(
        label=_("Mødepunkt"), max_length=200, required=False, help_text=_("Fx Møde 24.09.2026, pkt. 5")
    )


class RulesChangeAdoptForm(forms.Form):
    adopted_on = forms.DateField(label=_("Vedtaget af kommunalbestyrelsen den"), widget=forms.DateInput(attrs=_DATE))
    decision_reference = forms.CharField(
        label=_("Beslutningsreference"),
        max_length=150,
        help_text=_("Fx mødedato og punktnummer: KB 24.09.2026, pkt. 12"),
    )
    decision_url = forms.URLField(label=_("Link til beslutningen"), required=False, assume_scheme="https")
