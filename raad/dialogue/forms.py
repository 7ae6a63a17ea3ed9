"""Forms of the dialogue app: shape only. The services check the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from raad.core.forms import DanishTextarea, validate_phone
from raad.councils.models import Council, Purpose
from raad.councils.selectors import council_purposes
from raad.dialogue.models import DialogueEntry, Inquiry, ReferralService, Topic
from raad.dialogue.selectors import log as log_selectors
from raad.dialogue.selectors import topics as topic_selectors
from raad.dialogue.services.inquiries import REPLY_MAX_LENGTH, TEXT_MAX_LENGTH
from raad.statements.models import Statement

# --- Inquiries (views/inquiries.py) ------------------------------------------------------------------------


class InquiryForm(forms.Form):
    """The public form "Skriv til rådet". No field asks for ethnicity, religion or health (R31)."""

    kind = forms.ChoiceField(
        label=_("Hvad drejer din henvendelse sig om?"),
        choices=Inquiry.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Vælg, hvad din henvendelse drejer sig om.")},
    )
    text = forms.CharField(
        label=_("Din henvendelse"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Højst 5000 tegn. Skriv ikke CPR-nummer, helbredsoplysninger, religion eller etnisk oprindelse."),
        error_messages={
            "required": _("Skriv din henvendelse."),
            "max_length": _("Henvendelsen må højst fylde %(limit_value)d tegn (den fylder %(show_value)d)."),
        },
    )
    name = forms.CharField(
        label=_("Dit navn"), max_length=200, required=False, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    organisation = forms.CharField(
        label=_("Forening eller organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    reply_by = forms.ChoiceField(
        label=_("Vil du have svar?"),
        choices=Inquiry.ReplyBy.choices,
        initial=Inquiry.ReplyBy.EMAIL,
        widget=forms.RadioSelect,
        error_messages={"required": _("Vælg, om du vil have svar.")},
    )
    email = forms.EmailField(
        label=_("Din e-mailadresse"),
        required=False,
        help_text=_("Skal udfyldes, hvis du vil have svar på e-mail. Du får også en kvittering."),
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
    consent_publish = forms.BooleanField(
        label=_("Rådet må vise min tekst offentligt uden mit navn"),
        required=False,
        help_text=_("Frivilligt. Uden dit samtykke viser rådet aldrig, hvad du har skrevet."),
    )
    # The honeypot: hidden from people (the `hidden` attribute), filled in by robots.
    website = forms.CharField(label=pgettext_lazy("honeypot", "Lad dette felt være tomt"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("reply_by") == Inquiry.ReplyBy.EMAIL and not data.get("email") and "email" not in self.errors:
            self.add_error("email", _("Skriv din e-mailadresse, hvis du vil have svar på e-mail."))
        return data

    @property
    def is_robot(self) -> bool:
        return bool((self.data.get("website") or "").strip())

    def visible_fields_in_order(self):
        return [
            self[name]
            for name in ("kind", "text", "name", "organisation", "reply_by", "email", "phone", "consent_publish")
        ]


class TriageFilterForm(forms.Form):
    vis = forms.ChoiceField(
        label=_("Vis"),
        choices=[("nye", _("Venter på vurdering")), ("alle", _("Alle henvendelser"))],
        required=False,
    )


class ClassifyGeneralForm(forms.Form):
    topic = forms.ModelChoiceField(
        label=_("Knyt til et emne"), queryset=Topic.objects.none(), required=False, empty_label=_("– nyt emne –")
    )
    new_topic_title = forms.CharField(
        label=_("Titel på nyt emne"),
        max_length=300,
        required=False,
        help_text=_("Skriv emnet med dine egne ord, uden navne eller personlige detaljer."),
    )
    note = forms.CharField(
        label=_("Besked til afsenderen"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Vises på statussiden og i e-mailen. Ingen personoplysninger."),
    )

    def __init__(self, *args, topics=None, **kwargs):
        super().__init__(*args, **kwargs)
        if topics is not None:
            self.fields["topic"].queryset = topics


class ReferForm(forms.Form):
    referral = forms.ModelChoiceField(
        label=_("Henvis til"),
        queryset=ReferralService.objects.none(),
        error_messages={"required": _("Vælg, hvor afsenderen skal henvises til.")},
    )
    reply = forms.CharField(
        label=_("Svar til afsenderen"),
        required=False,
        max_length=REPLY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, referrals=None, **kwargs):
        super().__init__(*args, **kwargs)
        if referrals is not None:
            self.fields["referral"].queryset = referrals


class PrincipleTopicForm(forms.Form):
    title = forms.CharField(
        label=_("Det principielle spørgsmål (titel på emnet)"),
        max_length=300,
        error_messages={"required": _("Giv emnet en titel.")},
    )
    summary = forms.CharField(
        label=_("Beskrivelse"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Skrevet af sekretariatet, anonymt: intet fra henvendelsen, der kan pege på afsenderen."),
    )


class CloseForm(forms.Form):
    reply = forms.CharField(
        label=_("Svar til afsenderen"),
        required=False,
        max_length=REPLY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Med et svar står henvendelsen som besvaret; uden som afsluttet."),
    )


# --- The referral catalogue (views/referrals.py) ----------------------------------------------------------


class ReferralForm(forms.ModelForm):
    url = forms.URLField(label=_("Hjemmeside"), required=False, assume_scheme="https")

    class Meta:
        model = ReferralService
        fields = ["name", "description", "phone", "email", "url", "address", "opening_hours", "position"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "address": forms.Textarea(attrs={"rows": 2}),
            "opening_hours": forms.Textarea(attrs={"rows": 3}),
        }


# --- Topics and the dialogue log (views/topics.py, views/log.py) -------------------------------------------

_DATE = {"type": "date"}


def _date(label, **kwargs):
    return forms.DateField(label=label, widget=forms.DateInput(attrs=_DATE, format="%Y-%m-%d"), **kwargs)


class NumberedChoiceField(forms.ModelMultipleChoiceField):
    """Purposes and topics, each as "<number>. <title>"."""

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
    purposes = NumberedChoiceField(
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
        self.fields["purposes"].queryset = council_purposes(council)


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
    topics = NumberedChoiceField(
        label=_("Emner"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}),
        required=False,
    )

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = log_selectors.log_participants(council)
        self.fields["topics"].queryset = topic_selectors.open_topics(council)


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
