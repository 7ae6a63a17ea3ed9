from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _


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
            *((code, get_language_info(code)["name_local"].capitalize()) for code, _name in settings.LANGUAGES),
        ]
