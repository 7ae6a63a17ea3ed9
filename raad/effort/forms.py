from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from raad.core.forms import DanishTextarea
from raad.effort import selectors
from raad.effort.models import Goal, IndicatorValue


class GoalForm(forms.Form):
    title = forms.CharField(label=_("Mål"), max_length=300)
    text = forms.CharField(label=_("Beskrivelse"), required=False, widget=DanishTextarea(attrs={"rows": 4}))
    order = forms.IntegerField(label=_("Rækkefølge"), min_value=1, max_value=999, initial=1)


class IndicatorForm(forms.Form):
    description = forms.CharField(label=_("Beskrivelse"), required=False, widget=DanishTextarea(attrs={"rows": 3}))
    goal = forms.ModelChoiceField(
        label=_("Mål i strategien"), required=False, queryset=Goal.objects.none(), empty_label=_("(intet mål)")
    )

    def __init__(self, *args, council, **kwargs):
        kwargs.setdefault("auto_id", "id_indicator_%s")
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = selectors.goals(council)


SCOPE_CHOICES = [
    (IndicatorValue.Scope.MUNICIPALITY.value, _("Kommunen")),
    (IndicatorValue.Scope.NATIONAL.value, _("Hele landet")),
]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV-fil"),
        allow_empty_file=True,  # an empty file gets the import's own message, naming the line
        help_text=_("UTF-8, kommaseparereret, med overskrifter (se formatet nedenfor)."),
    )
    scope = forms.ChoiceField(
        label=_("Tallene gælder"),
        choices=SCOPE_CHOICES,
        widget=forms.RadioSelect,
        initial=IndicatorValue.Scope.MUNICIPALITY.value,
        help_text=_("Har filen en kolonne scope, gælder den for hver række."),
    )


class ItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        from django.utils import formats, timezone

        date = formats.date_format(timezone.localtime(obj.meeting.starts_at), "SHORT_DATE_FORMAT")
        return f"{date}, {obj.position}. {obj.title}"


class TopicChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.number}. {obj.title}"


class LinkForm(forms.Form):
    agenda_item = ItemChoiceField(label=_("Dagsordenspunkt"), required=False, queryset=None)
    topic = TopicChoiceField(label=_("Emne fra dialogen"), required=False, queryset=None)
    statement = forms.ModelChoiceField(label=_("Udtalelse"), required=False, queryset=None)

    def __init__(self, *args, council, **kwargs):
        kwargs.setdefault("auto_id", "id_link_%s")
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = selectors.linkable_agenda_items(council)
        self.fields["topic"].queryset = selectors.linkable_topics(council)
        self.fields["statement"].queryset = selectors.linkable_statements(council)
