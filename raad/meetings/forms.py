from __future__ import annotations

import datetime

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from raad.core.minority import MINORITY_MEMBERS_MAX_LENGTH
from raad.councils.models import Council, Purpose, Room
from raad.meetings.models import AgendaItem, Meeting, MinutesResponse, Vote

_DT = {"type": "datetime-local"}
RADIO = forms.RadioSelect(attrs={"class": "form-radio"})
CHECKBOXES = forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"})


def year_from_query(value: str | None, default: int) -> int:
    """The year asked for in `?aar=`, or `default` when it is missing, not a number, or outside the years
    a date can hold (a meeting's year bounds must convert to UTC and back)."""
    try:
        year = int(value or "")
    except ValueError:
        return default
    return year if datetime.MINYEAR < year < datetime.MAXYEAR else default


class MeetingForm(forms.ModelForm):
    starts_at = forms.DateTimeField(
        label=_("Begynder"),
        widget=forms.DateTimeInput(attrs=_DT, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    ends_at = forms.DateTimeField(
        label=_("Slutter"),
        required=False,
        widget=forms.DateTimeInput(attrs=_DT, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    online_link = forms.URLField(label=_("Link til onlinedeltagelse"), required=False, assume_scheme="https")
    room = forms.ModelChoiceField(
        label=_("Lokale"),
        queryset=Room.objects.none(),
        required=False,
        empty_label=_("– intet lokale fra kataloget: skriv sted og adresse –"),
        help_text=_("Lokalets adresse og tilgængelighed vises på mødesiden, i PDF'erne og i kalenderen."),
    )

    class Meta:
        model = Meeting
        fields = (
            "kind",
            "starts_at",
            "ends_at",
            "room",
            "place",
            "address",
            "accessibility_note",
            "online_link",
            "reason",
        )
        labels = {"place": _("Sted (uden lokale fra kataloget)")}
        widgets = {"accessibility_note": forms.Textarea(attrs={"rows": 2}), "reason": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "accessibility_note": _("Fx niveaufri adgang, teleslynge, handicapparkering."),
            "reason": _("Kun for ekstraordinære møder."),
            "place": _("Kun hvis mødet ikke holdes i et af kommunens lokaler."),
        }

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        # The rooms in use, and the meeting's own room even if it has since gone out of use.
        rooms = Room.objects.filter(municipality_id=council.municipality_id)
        own = self.instance.room_id if self.instance and self.instance.pk else None
        self.fields["room"].queryset = rooms.filter(Q(active=True) | Q(pk=own)).order_by("name")

    def clean(self):
        data = super().clean()
        if not data.get("room") and not (data.get("place") or "").strip() and "place" not in self.errors:
            self.add_error("place", _("Vælg et lokale, eller skriv, hvor mødet holdes."))
        return data


class _ItemBase(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=AgendaItem.Kind.choices)
    title = forms.CharField(label=_("Overskrift"), max_length=300)
    case_presentation = forms.CharField(
        label=_("Sagsfremstilling"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Skriv med Markdown: en tom linje mellem afsnit, **fed**, *kursiv*, lister med - eller 1. og links som "
            "[tekst](https://…). Tryk »Vis forhåndsvisning« for at se teksten, før du gemmer."
        ),
    )
    proposed_decision = forms.CharField(
        label=pgettext_lazy("agenda item", "Indstilling"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    purposes = forms.ModelMultipleChoiceField(
        label=_("Formål i kommissoriet"), queryset=Purpose.objects.none(), required=False, widget=CHECKBOXES
    )

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["purposes"].queryset = Purpose.objects.filter(terms_of_reference__council=council).order_by(
            "number"
        )


class ItemForm(_ItemBase):
    is_closed = forms.BooleanField(label=_("Lukket punkt (vises aldrig offentligt)"), required=False)


class ProposalForm(_ItemBase):
    individual_case = forms.TypedChoiceField(
        label=_("Handler punktet om en enkelt persons egen sag?"),
        choices=[("no", _("Nej, det er et generelt emne")), ("yes", _("Ja, det handler om en bestemt persons sag"))],
        widget=RADIO,
        coerce=lambda v: v == "yes",
        help_text=_("Rådet kan ikke behandle enkeltsager (kommissoriet)."),
    )


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Titel på bilaget"), max_length=200)
    file = forms.FileField(label=_("Fil"), help_text=_("PDF, Word, PNG eller JPEG."))
    is_closed = forms.BooleanField(label=_("Lukket bilag"), required=False)


class ConflictForm(forms.Form):
    membership = forms.TypedChoiceField(label=_("Medlem"), coerce=int)
    reason = forms.CharField(label=_("Begrundelse"), max_length=300)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].choices = [(m.pk, str(m.person)) for m in members]


class CountsForm(forms.Form):
    votes_for = forms.IntegerField(label=_("For"), min_value=0, initial=0)
    votes_against = forms.IntegerField(label=_("Imod"), min_value=0, initial=0)
    abstentions = forms.IntegerField(label=_("Undlader"), min_value=0, initial=0)
    chair_vote = forms.ChoiceField(
        label=_("Mødelederens udslagsgivende stemme ved stemmelighed"),
        required=False,
        choices=[("", _("Ikke relevant")), ("for", _("For")), ("against", _("Imod"))],
    )
    # Who the screen showed as the meeting leader; the service refuses the casting vote if that is not the
    # person leading the meeting when it is recorded (R18).
    casting_voter = forms.IntegerField(required=False, widget=forms.HiddenInput)


class DecisionForm(CountsForm):
    text = forms.CharField(label=_("Beslutning"), widget=forms.Textarea(attrs={"rows": 3}))
    method = forms.ChoiceField(
        label=_("Afstemningsform"), choices=Vote.Method.choices, initial=Vote.Method.COUNTS, widget=RADIO
    )


class MinorityForm(forms.Form):
    members = forms.CharField(label=_("Mindretallet (navne)"), max_length=MINORITY_MEMBERS_MAX_LENGTH)
    text = forms.CharField(label=_("Udtalelse, ordret"), widget=forms.Textarea(attrs={"rows": 4}))


class MinutesDraftForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    introduction = forms.CharField(label=_("Indledning"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, entries, **kwargs):
        super().__init__(*args, **kwargs)
        self.entry_fields = []
        for entry in entries:
            name = f"entry_{entry.item_id}"
            label = f"{entry.item.position}. {entry.item.title}"
            self.fields[name] = forms.CharField(
                label=label, required=False, widget=forms.Textarea(attrs={"rows": 6}), initial=entry.text
            )
            self.entry_fields.append((name, entry))

    def entries(self) -> dict[int, str]:
        return {entry.item_id: self.cleaned_data.get(name, "") for name, entry in self.entry_fields}


class MinutesCorrectionForm(MinutesDraftForm):
    reason = forms.CharField(label=_("Begrundelse for rettelsen"), widget=forms.Textarea(attrs={"rows": 2}))


class MinutesResponseForm(forms.Form):
    kind = forms.ChoiceField(
        label=pgettext_lazy("minutes response", "Dit svar"), choices=MinutesResponse.Kind.choices, widget=RADIO
    )
    comment = forms.CharField(
        label=_("Kommentar"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Skal udfyldes ved indsigelse."),
    )


class ApproveAtMeetingForm(forms.Form):
    at_meeting = forms.ModelChoiceField(label=_("Godkendt på mødet"), queryset=Meeting.objects.none())

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["at_meeting"].queryset = Meeting.objects.filter(
            council_id=meeting.council_id,
            starts_at__gt=meeting.starts_at,
            status__in=[Meeting.Status.NOTICE_SENT, Meeting.Status.HELD],
        ).order_by("starts_at")


class ExtraordinaryRequestForm(forms.Form):
    reasons = forms.CharField(
        label=_("Begrundelse for et ekstraordinært møde"), widget=forms.Textarea(attrs={"rows": 3})
    )
