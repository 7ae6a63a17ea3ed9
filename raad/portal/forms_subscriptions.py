"""The public subscribe form: shape only. The service checks the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from raad.core.translations import localized
from raad.portal.models import Subscription


class TopicChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return localized(obj, "title")


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Din e-mailadresse"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Skriv din e-mailadresse."),
            "invalid": _("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk."),
        },
    )
    kinds = forms.MultipleChoiceField(
        label=_("Hvad vil du have besked om?"),
        choices=Subscription.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}),
    )
    topic = TopicChoiceField(
        label=_("Følg et bestemt emne"),
        queryset=None,
        required=False,
        empty_label=_("– intet emne –"),
        help_text=_("Du får besked, når emnet kommer på en dagsorden, bliver drøftet eller får en udtalelse."),
        error_messages={"invalid_choice": _("Vælg et emne fra listen.")},
    )
    # The honeypot: hidden from people (the `hidden` attribute), filled in by robots.
    website = forms.CharField(label=pgettext_lazy("honeypot", "Lad dette felt være tomt"), required=False)

    def __init__(self, *args, topics=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics

    def clean(self):
        data = super().clean()
        if not data.get("kinds") and not data.get("topic") and "kinds" not in self.errors:
            self.add_error("kinds", _("Vælg mindst én ting, du vil have besked om."))
        return data

    @property
    def is_robot(self) -> bool:
        return bool((self.data.get("website") or "").strip())
