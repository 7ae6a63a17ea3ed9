import re
from typing import Any

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


class EnglishFieldsMixin:
    """A model form that keeps an English field beside each translatable Danish one ("navn (engelsk)" after
    "navn"), named `<field>_en` in its data: filled from the stored "en" translation (raad.core.translations)
    and saved as one by the service (`translations.texts_from(data, fields, "en")`). `english_fields`:
    {Danish field name: the English field's label}."""

    english_fields: dict[str, Any] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from raad.core import translations

        instance = getattr(self, "instance", None)
        stored = translations.translations_of(instance, "en") if instance is not None and instance.pk else {}
        fields = {}
        for name, field in self.fields.items():  # type: ignore[attr-defined]
            fields[name] = field
            if name in self.english_fields:
                fields[f"{name}_en"] = forms.CharField(
                    label=self.english_fields[name],
                    max_length=getattr(field, "max_length", None),
                    required=False,
                    widget=forms.Textarea(attrs=dict(field.widget.attrs))
                    if isinstance(field.widget, forms.Textarea)
                    else forms.TextInput(),
                )
                self.initial.setdefault(f"{name}_en", stored.get(name, ""))  # type: ignore[attr-defined]
        self.fields = fields


class DanishTextarea(forms.Textarea):
    """A text area for public Danish text with its readability figure (LIX, raad.core.readability) under it:
    computed on the server when the page is rendered, so it shows without JavaScript, and updated while the
    editor types by raad/js/lix.js. `easy_read=True` (let dansk) shows the target as well. See
    docs/translations.md ("Content translations and easy-read")."""

    template_name = "core/widgets/danish_textarea.html"

    def __init__(self, attrs=None, *, easy_read: bool = False):
        super().__init__(attrs)
        self.easy_read = easy_read

    def get_context(self, name, value, attrs):
        from raad.core import readability

        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        output_id = f"{widget['attrs'].get('id') or name}_lix"
        described = widget["attrs"].get("aria-describedby", "")
        widget["attrs"]["aria-describedby"] = f"{described} {output_id}".strip()
        widget["attrs"]["data-lix"] = output_id
        widget["lix"] = readability.describe(self.format_value(value) or "", easy_read=self.easy_read)
        widget["lix_id"] = output_id
        return context


def with_lix(form: forms.BaseForm, *names: str, easy_read: bool = False) -> None:
    """Show the LIX figure under the text areas `names` of `form` (their widgets become `DanishTextarea`)."""
    for name in names:
        field = form.fields[name]
        widget = DanishTextarea(attrs=field.widget.attrs, easy_read=easy_read)
        widget.is_required = field.required
        field.widget = widget
