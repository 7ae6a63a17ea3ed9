"""Forms of the dialogue app."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from raad.core.forms import validate_phone
from raad.dialogue.models import Inquiry, ReferralService, Topic
from raad.dialogue.services.inquiries import REPLY_MAX_LENGTH, TEXT_MAX_LENGTH

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
    url = forms.URLField(label=_("hjemmeside"), required=False, assume_scheme="https")

    class Meta:
        model = ReferralService
        fields = ["name", "description", "phone", "email", "url", "address", "opening_hours", "position"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "address": forms.Textarea(attrs={"rows": 2}),
            "opening_hours": forms.Textarea(attrs={"rows": 3}),
        }
