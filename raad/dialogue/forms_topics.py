"""Forms for topics and the dialogue log: shape only. The services check the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from raad.core.forms import DanishTextarea
from raad.councils.models import Council, Purpose
from raad.dialogue.models import DialogueEntry, Topic
from raad.dialogue.selectors import log as log_selectors
from raad.dialogue.selectors import topics as topic_selectors
from raad.statements.models import Statement

_DATE = {"type": "date"}


def _date(label, **kwargs):
    return forms.DateField(label=label, widget=forms.DateInput(attrs=_DATE, format="%Y-%m-%d"), **kwargs)


class PurposeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.number}. {obj.title}"


class TopicForm(forms.Form):
    title = forms.CharField(label=pgettext_lazy("topic form", "Emne"), max_length=300)
    summary = forms.CharField(
        label=_("Beskrivelse"),
        widget=DanishTextarea(attrs={"rows": 5}),
        required=False,
        help_text=_(
            "Skriv generelt: ingen navne på borgere, intet CPR-nummer, intet om helbred, etnicitet eller religion."
        ),
    )
    purposes = PurposeChoiceField(
        label=_("Formål i kommissoriet"),
        queryset=Purpose.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}),
        required=False,
    )
    raised_elsewhere_count = forms.IntegerField(
        label=_("Rejst andre steder (antal personer)"),
        min_value=0,
        max_value=100000,
        initial=0,
        help_text=_("Fx på et møde med en forening eller i telefonen. Kun antallet vises offentligt."),
    )
    published = forms.BooleanField(label=_("Vis emnet på rådets offentlige side"), required=False)

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["purposes"].queryset = topic_selectors.council_purposes(council)


class StatementLinkForm(forms.Form):
    statement = forms.ModelChoiceField(label=_("Udtalelse"), queryset=Statement.objects.none())

    def __init__(self, *args, council: Council, **kwargs):
        kwargs.setdefault("auto_id", "id_statement_%s")
        super().__init__(*args, **kwargs)
        self.fields["statement"].queryset = topic_selectors.linkable_statements(council)


class OutcomeForm(forms.Form):
    outcome = forms.CharField(
        label=_("Hvad kommunalbestyrelsen eller forvaltningen gjorde"), widget=DanishTextarea(attrs={"rows": 4})
    )
    outcome_on = _date(_("Dato"))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_outcome_%s")
        super().__init__(*args, **kwargs)


class ParticipantChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.first_name} {obj.last_name}"


class TopicChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.number}. {obj.title}"


class DialogueEntryForm(forms.Form):
    held_on = _date(_("Dato"))
    counterpart = forms.ChoiceField(label=_("Med hvem"), choices=DialogueEntry.Counterpart.choices)
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=_("Foreningens, virksomhedens eller myndighedens navn. Private personer nævnes aldrig ved navn."),
    )
    participants = ParticipantChoiceField(
        label=_("Fra rådet"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}),
        required=False,
    )
    learned = forms.CharField(
        label=_("Hvad vi hørte"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Udfordringer, behov og ønsker. Ingen navne på private personer, intet CPR-nummer."),
    )
    follow_up = forms.CharField(label=_("Opfølgning"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    topics = TopicChoiceField(
        label=_("Emner"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}),
        required=False,
    )

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = log_selectors.log_participants(council)
        self.fields["topics"].queryset = Topic.objects.filter(council=council).exclude(status=Topic.Status.CLOSED)


class TopicFromEntryForm(forms.Form):
    title = forms.CharField(label=_("Titel på det nye emne"), max_length=300)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_new_topic_%s")
        super().__init__(*args, **kwargs)


class LogFilterForm(forms.Form):
    aar = forms.TypedChoiceField(label=_("År"), coerce=int, required=False, empty_value=None)
    med = forms.ChoiceField(label=_("Med hvem"), required=False)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aar"].choices = [("", _("Alle år"))] + [(y, str(y)) for y in years]
        self.fields["med"].choices = [("", _("Alle"))] + list(DialogueEntry.Counterpart.choices)
