import re

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from raad.core import languages
from raad.core.i18n import language_name


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Brugernavn"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Adgangskode"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    error_messages = {
        "invalid_login": _(
            "Brugernavn eller adgangskode er forkert. Husk, at der skelnes mellem store og små bogstaver."
        ),
        "inactive": _("Kontoen er spærret."),
    }


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=_("Engangskode"),
        regex=r"^\s*\d{6}\s*$",
        help_text=_("De 6 cifre, som din godkendelsesapp viser lige nu."),
        error_messages={"invalid": _("Koden består af 6 cifre.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_token(self) -> str:
        return self.cleaned_data["token"].strip()


_PHONE_CHARACTERS = re.compile(r"^\+?[\d\s()./-]+$")


def validate_phone(value: str) -> None:
    """A Danish number (8 digits, optionally with +45 or 0045 in front) or an international one (+ or 00,
    then 7 to 15 digits). Spaces, hyphens, dots, slashes and brackets between the digits are allowed."""
    digits = re.sub(r"\D", "", value)
    international = value.startswith("+") or digits.startswith("00")
    if international and digits.startswith("00"):
        digits = digits[2:]
    valid = bool(_PHONE_CHARACTERS.match(value)) and (
        (international and 7 <= len(digits) <= 15 and not (digits.startswith("45") and len(digits) != 10))
        or (not international and len(digits) == 8)
    )
    if not valid:
        raise ValidationError(
            _(
                "Skriv et telefonnummer med 8 cifre, fx 12 34 56 78, eller et udenlandsk nummer med +, fx +46 8 123 456 78."
            ),
            code="invalid_phone",
        )


class PhoneField(forms.CharField):
    """A telephone number: Danish or international (validate_phone). Stored as typed."""

    default_validators = [validate_phone]

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("autocomplete", "tel")
        self.widget.attrs.setdefault("inputmode", "tel")


class LanguageForm(forms.Form):
    """The language of the e-mails a user receives: one of the site's languages, or the council's."""

    language = forms.ChoiceField(
        label=_("Sprog i e-mails"),
        required=False,
        help_text=_("E-mails fra rådet sendes på dette sprog. Vælger du ikke et, får du rådets sprog."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each language by its own name ("Dansk", "English"): the name its reader looks for.
        self.fields["language"].choices = [
            ("", _("Rådets sprog")),
            *((code, language_name(code)) for code, _name in languages.whole_site_choices()),
        ]
