"""Forms: shape only. The services check the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from raad.core.forms import DanishTextarea
from raad.core.minority import MINORITY_MEMBERS_MAX_LENGTH
from raad.core.translations import localized
from raad.councils.models import Purpose
from raad.meetings.models import Decision
from raad.statements import selectors
from raad.statements.models import Committee, Statement, WrittenAnswer

_DATE = {"type": "date"}


def _date(label, **kwargs):
    return forms.DateField(label=label, widget=forms.DateInput(attrs=_DATE, format="%Y-%m-%d"), **kwargs)


class _OnStatementPage(forms.Form):
    """The drafting page shows many forms at once; each gets its own element ids (`id_<form>_<field>`) so no
    two fields share one and every label points at its own field. Field names stay as they are."""

    form_id = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"id_{self.form_id}_%s")
        super().__init__(*args, **kwargs)


class ConsultationForm(forms.Form):
    subject = forms.CharField(label=_("Emne"), max_length=300)
    subject_en = forms.CharField(label=_("Emne (engelsk)"), max_length=300, required=False)
    summary = forms.CharField(label=_("Kort beskrivelse"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    committee = forms.ModelChoiceField(
        label=_("Afsender"),
        queryset=Committee.objects.none(),
        required=False,
        help_text=_("Udvalget, kommunalbestyrelsen eller forvaltningen, der har sendt høringen."),
    )
    new_committee = forms.CharField(
        label=_("Ny afsender"), max_length=200, required=False, help_text=_("Kun hvis afsenderen ikke findes i listen.")
    )
    new_committee_email = forms.EmailField(label=_("Ny afsenders e-mail"), required=False)
    received_on = _date(_("Modtaget"))
    deadline = _date(_("Høringsfrist"))
    case_number = forms.CharField(
        label=_("Sagsnummer"), max_length=60, help_text=_("Fx 27.00.00-P15-3-26 (journalisering, R29).")
    )
    link = forms.URLField(label=_("Link til kommunens side om høringen"), required=False, assume_scheme="https")
    reply_to = forms.EmailField(
        label=_("Svaret sendes til"), required=False, help_text=_("Tom: afsenderens e-mailadresse.")
    )
    document = forms.FileField(
        label=_("Høringsmateriale"), required=False, help_text=_("PDF, Word (docx), ODT, Excel (xlsx), PNG eller JPEG.")
    )
    document_title = forms.CharField(label=_("Dokumentets titel"), max_length=300, required=False)

    def __init__(self, *args, committees=None, **kwargs):
        super().__init__(*args, **kwargs)
        if committees is not None:
            self.fields["committee"].queryset = committees

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("committee") and not cleaned.get("new_committee"):
            self.add_error("committee", _("Vælg afsenderen, eller skriv en ny."))
        return cleaned


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=300)
    file = forms.FileField(label=_("Fil"), help_text=_("PDF, Word (docx), ODT, Excel (xlsx), PNG eller JPEG."))


class StatementForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=Statement.Kind.choices)
    title = forms.CharField(label=_("Titel"), max_length=300)
    title_en = forms.CharField(label=_("Titel (engelsk)"), max_length=300, required=False)
    recipient = forms.ModelChoiceField(
        label=_("Modtager"),
        queryset=Committee.objects.none(),
        required=False,
        help_text=_("Til et høringssvar: afsenderen af høringen."),
    )
    purpose = forms.ModelChoiceField(label=_("Formål i kommissoriet"), queryset=Purpose.objects.none(), required=False)
    rapporteur = forms.ChoiceField(label=_("Ordfører"), required=False)
    case_number = forms.CharField(
        label=_("Sagsnummer"), max_length=60, required=False, help_text=_("Tom: høringens sagsnummer.")
    )
    text = forms.CharField(label=_("Første udkast"), widget=DanishTextarea(attrs={"rows": 10}), required=False)

    def __init__(self, *args, committees=None, purposes=None, rapporteurs=(), **kwargs):
        super().__init__(*args, **kwargs)
        if committees is not None:
            self.fields["recipient"].queryset = committees
        if purposes is not None:
            self.fields["purpose"].queryset = purposes
        self.fields["rapporteur"].choices = [("", _("Ingen valgt"))] + [(str(u.pk), str(u)) for u in rapporteurs]


class VersionForm(_OnStatementPage):
    form_id = "version"

    text = forms.CharField(label=_("Tekst"), widget=DanishTextarea(attrs={"rows": 18}))
    note = forms.CharField(label=_("Hvad er ændret"), max_length=300, required=False)


class CommentForm(_OnStatementPage):
    form_id = "comment"

    text = forms.CharField(label=_("Kommentar"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    proposed_text = forms.CharField(
        label=_("Forslag til ændret tekst"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class RouteForm(_OnStatementPage):
    form_id = "route"

    route = forms.ChoiceField(label=_("Vej til vedtagelse"), choices=Statement.Route.choices, widget=forms.RadioSelect)


class DecisionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{selectors.agenda_label(obj.item)}: {obj.item.title}"


class MeetingAdoptionForm(_OnStatementPage):
    form_id = "meeting"

    decision = DecisionChoiceField(
        label=_("Rådets beslutning"),
        queryset=Decision.objects.none(),
        empty_label=_("Vælg mødet og punktet"),
        help_text=_("Punkter til beslutning, som rådet vedtog på sine møder."),
    )

    def __init__(self, *args, statement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = selectors.adoptable_decisions(statement)


class WrittenAnswerForm(_OnStatementPage):
    form_id = "answer"

    answer = forms.ChoiceField(label=_("Dit svar"), choices=WrittenAnswer.Answer.choices, widget=forms.RadioSelect)
    comment = forms.CharField(label=_("Bemærkning"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class MinorityForm(_OnStatementPage):
    form_id = "minority"

    members = forms.CharField(
        label=_("Mindretallet"),
        max_length=MINORITY_MEMBERS_MAX_LENGTH,
        help_text=_("Navnene på medlemmerne i mindretallet."),
    )
    text = forms.CharField(label=_("Mindretalsudtalelse (ordret)"), widget=forms.Textarea(attrs={"rows": 4}))


class SendForm(_OnStatementPage):
    form_id = "send"

    late_reason = forms.CharField(
        label=_("Begrundelse for sen fremsendelse"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Skal udfyldes, når høringsfristen er overskredet."),
    )


class CorrectionForm(_OnStatementPage):
    form_id = "correction"

    text = forms.CharField(label=_("Rettet tekst"), widget=DanishTextarea(attrs={"rows": 12}))
    note = forms.CharField(label=_("Hvad er rettet"), max_length=300)


class FollowUpForm(_OnStatementPage):
    form_id = "follow_up"

    decided_on = _date(_("Besluttet den"))
    body = forms.CharField(label=_("Besluttende organ"), max_length=200)
    decision = forms.CharField(label=_("Hvad blev besluttet"), widget=forms.Textarea(attrs={"rows": 3}))
    how_used = forms.CharField(
        label=_("Hvordan blev rådets udtalelse brugt"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    decision_en = forms.CharField(
        label=_("Hvad blev besluttet (engelsk)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    how_used_en = forms.CharField(
        label=_("Hvordan blev udtalelsen brugt (engelsk)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    link = forms.URLField(label=_("Link til beslutningen"), required=False, assume_scheme="https")


class CompareForm(_OnStatementPage):
    form_id = "compare"

    # Version numbers; the bound keeps a huge number from reaching the database as an out-of-range integer.
    fra = forms.IntegerField(label=_("Fra version"), min_value=1, max_value=32767)
    til = forms.IntegerField(label=_("Til version"), min_value=1, max_value=32767)


class ArchiveFilterForm(forms.Form):
    aar = forms.TypedChoiceField(label=_("År"), required=False, coerce=int, empty_value=None)
    udvalg = forms.TypedChoiceField(label=_("Udvalg"), required=False, coerce=int, empty_value=None)
    formaal = forms.TypedChoiceField(label=_("Formål"), required=False, coerce=int, empty_value=None)
    type = forms.ChoiceField(label=_("Type"), required=False)

    def __init__(self, *args, facets: dict, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("Alle"))]
        self.fields["aar"].choices = everything + [(y, str(y)) for y in facets["years"]]
        self.fields["udvalg"].choices = everything + [(c.pk, localized(c, "name")) for c in facets["committees"]]
        self.fields["formaal"].choices = everything + [
            (p.pk, f"{p.number}. {localized(p, 'title')}") for p in facets["purposes"]
        ]
        self.fields["type"].choices = everything + list(facets["kinds"])
