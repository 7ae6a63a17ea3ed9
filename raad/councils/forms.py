"""Forms of the councils app: shape only. The services check the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from raad.councils.models import Room


class RoomForm(forms.ModelForm):
    map_url = forms.URLField(
        label=_("Link til kort"),
        required=False,
        assume_scheme="https",
        help_text=_("Fx et link til lokalet på et onlinekort."),
        error_messages={"invalid": _("Skriv et gyldigt link, fx https://kort.example.dk/…")},
    )

    class Meta:
        model = Room
        fields = ["name", "address", "capacity", "step_free", "hearing_loop", "accessibility_note", "map_url"]
        widgets = {"accessibility_note": forms.Textarea(attrs={"rows": 3})}
        labels = {
            "name": _("Navn"),
            "address": _("Adresse"),
            "capacity": _("Pladser"),
            "step_free": _("Niveaufri adgang (uden trin)"),
            "hearing_loop": _("Teleslynge"),
            "accessibility_note": _("Om tilgængelighed"),
        }
        help_texts = {
            "name": _("Fx »Holbæk Rådhus, mødelokale 1«."),
            "accessibility_note": _("Fx handicapparkering, elevator, toilet."),
        }
        error_messages = {
            "name": {"required": _("Giv lokalet et navn.")},
            "address": {"required": _("Skriv lokalets adresse.")},
            "capacity": {
                "invalid": _("Skriv antallet af pladser som et helt tal."),
                "min_value": _("Antallet af pladser skal være mindst 1."),
            },
        }

    def validate_unique(self):
        """The service checks the name (with a translated message); the municipality is not on the form."""
