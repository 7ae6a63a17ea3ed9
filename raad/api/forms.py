from django import forms
from django.utils.translation import gettext_lazy as _

from raad.api.models import ApiToken


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Navn"), max_length=100, help_text=_("Hvad nøglen bruges til, fx kommunens ESDH-system.")
    )
    scopes = forms.MultipleChoiceField(
        label=_("Adgang"), choices=ApiToken.Scope.choices, widget=forms.CheckboxSelectMultiple
    )
