from django import forms
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from raad.core import languages
from raad.core.forms import DanishTextarea, EnglishFieldsMixin, with_lix
from raad.councils import rules as procedure
from raad.councils.models import Council, Purpose, RulesChange, RulesOfProcedure, TermsOfReference
from raad.councils.services import COUNCIL_CONTACT_FIELDS, TOR_FIELDS

_DATE = {"type": "date"}


class TermsOfReferenceForm(EnglishFieldsMixin, forms.ModelForm):
    english_fields = {
        "introduction": _("indledning (engelsk)"),
        "tasks_introduction": _("rådets opgaver og virksomhed (engelsk)"),
        "limits": _("hvad rådet ikke kan (engelsk)"),
        "composition": _("bemanding og udpegning (engelsk)"),
        "economy": _("økonomi (engelsk)"),
        "organisation": _("organisering (engelsk)"),
        "secretariat": _("sekretariatsbetjening (engelsk)"),
        "legal_basis": _("lovgrundlag (engelsk)"),
    }

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
        with_lix(self, *TermsOfReference.TEXT_FIELDS)  # the readability figure under each Danish text


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


class ContactForm(EnglishFieldsMixin, forms.ModelForm):
    english_fields = {
        "name": _("navn (engelsk)"),
        "secretariat_unit": _("sekretariat (engelsk)"),
        "contact_hours": _("telefontid (engelsk)"),
    }

    class Meta:
        model = Council
        fields = COUNCIL_CONTACT_FIELDS
        widgets = {"contact_address": forms.Textarea(attrs={"rows": 3})}


class PurposeForm(EnglishFieldsMixin, forms.ModelForm):
    english_fields = {"title": _("formål (engelsk)"), "description": _("sådan gør rådet (engelsk)")}

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
        fields = ("title", "description")
        widgets = {"description": DanishTextarea(attrs={"rows": 3})}

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


class RulesVersionForm(EnglishFieldsMixin, _RulesSettingsForm):
    """A new version of the rules of procedure, pre-filled with the version in force."""

    english_fields = {"change_summary": _("hvad er ændret (engelsk)")}

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
            *procedure.SETTING_FIELDS,
        )
        widgets = {
            "in_force_from": forms.DateInput(attrs=_DATE),
            "adopted_on": forms.DateInput(attrs=_DATE),
            "council_endorsed_on": forms.DateInput(attrs=_DATE),
            "change_summary": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in procedure.SETTING_FIELDS:
            self.fields[name].help_text = procedure.reference(name)


class RulesChangeProposalForm(EnglishFieldsMixin, _RulesSettingsForm):
    """A proposed change of the rules of procedure (R8), pre-filled with the version in force."""

    english_fields = {"change_summary": _("hvad er ændret (engelsk)")}

    class Meta:
        model = RulesChange
        fields = ("in_force_from", "change_summary")
        widgets = {
            "in_force_from": forms.DateInput(attrs=_DATE),
            "change_summary": forms.Textarea(attrs={"rows": 3}),
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


class TranslationFilterForm(forms.Form):
    """The overview's filters (GET): one language, one status; empty means all."""

    sprog = forms.ChoiceField(label=_("Sprog"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, languages=(), **kwargs):
        from raad.core.translation_desk import STATUSES, language_label

        super().__init__(*args, **kwargs)
        self.fields["sprog"].choices = [("", _("Alle sprog"))] + [(code, language_label(code)) for code in languages]
        self.fields["status"].choices = [("", _("Alle"))] + list(STATUSES)


class TranslationExportForm(forms.Form):
    sprog = forms.ChoiceField(label=_("Sprog"))

    def __init__(self, *args, languages=(), **kwargs):
        from raad.core.translation_desk import language_label

        super().__init__(*args, **kwargs)
        self.fields["sprog"].choices = [(code, language_label(code)) for code in languages]


class TranslationImportForm(forms.Form):
    fil = forms.FileField(
        label=_("PO-fil fra oversætteren"),
        help_text=_("Filen, du eksporterede her, med oversætterens tekster (.po)."),
    )

    MAX_BYTES = 5 * 1024 * 1024

    def clean_fil(self):
        upload = self.cleaned_data["fil"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("Filen er for stor (højst 5 MB)."))
        return upload


class TranslationEditForm(forms.Form):
    """One object's translatable fields in one language: per field the translation and its status."""

    def __init__(self, *args, fields=(), language="", **kwargs):
        from raad.core.models import ContentTranslation
        from raad.core.translations import EASY_READ

        super().__init__(*args, **kwargs)
        self.names = []
        for name, label, is_long in fields:
            attrs = {"rows": 6 if is_long else 2, "lang": "da" if language == EASY_READ else language, "dir": "auto"}
            widget = DanishTextarea(attrs=attrs, easy_read=True) if language == EASY_READ else forms.Textarea(attrs)
            self.fields[name] = forms.CharField(
                label=label,
                required=False,
                widget=widget,
                help_text=_("Tom: ingen oversættelse (den danske tekst vises)."),
            )
            self.fields[f"{name}__status"] = forms.ChoiceField(
                label=_("Status for %(field)s") % {"field": label},
                choices=ContentTranslation.Status.choices,
                initial=ContentTranslation.Status.DRAFT,
            )
            self.names.append(name)

    def values(self) -> dict[str, tuple[str, str]]:
        return {name: (self.cleaned_data[name], self.cleaned_data[f"{name}__status"]) for name in self.names}
