"""The languages Råd can speak: one table (code, Danish name, own name, right to left), read by the settings.

Which of them the site offers is configuration: `RAAD_LANGUAGES=da,en,ar,uk,so` (settings.LANGUAGES), and a
council chooses which community languages its citizen pages are in (`Council.citizen_languages`). Adding a
language is a line in the environment plus a gettext catalogue (`raad/*/locale/<code>/LC_MESSAGES/django.po`),
no code: see docs/translations.md. A code missing from the table but known to Django (`de`, `ru` …) works too,
with Django's names.

Danish and English are the site's whole languages: every page exists in them. Every other configured language
is a community language, offered only on the citizen pages (`raad.core.i18n.citizen_page`); any other page
asked for in one is shown in Danish with a notice in the visitor's language (`raad.core.middleware`).

This module is imported by the settings: it imports nothing of Django but the language table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Language:
    code: str
    name_da: str  # the name in Danish, as the secretariat reads it ("arabisk")
    name_local: str  # the name in the language itself, as its reader looks for it ("العربية")
    bidi: bool  # written right to left
    name_en: str = ""  # Django's English name, for LANG_INFO where Django has none


# The languages of Holbæk's citizens (issue #11) and their neighbours. Order: as listed in the switcher.
TABLE: tuple[Language, ...] = (
    Language("da", "dansk", "Dansk", False),
    Language("en", "engelsk", "English", False),
    Language("ar", "arabisk", "العربية", True),
    Language("uk", "ukrainsk", "Українська", False),
    Language("so", "somali", "Soomaali", False, "Somali"),
    Language("tr", "tyrkisk", "Türkçe", False),
    Language("fa", "persisk (farsi)", "فارسی", True),
    Language("prs", "dari", "دری", True, "Dari"),
    Language("ti", "tigrinya", "ትግርኛ", False, "Tigrinya"),
    Language("pl", "polsk", "Polski", False),
    Language("ur", "urdu", "اردو", True),
    Language("ckb", "kurdisk (sorani)", "کوردی", True),
    Language("ru", "russisk", "Русский", False),
    Language("de", "tysk", "Deutsch", False),
)
BY_CODE = {language.code: language for language in TABLE}

# The languages every page of the site exists in. The source language (settings.LANGUAGE_CODE) comes first.
WHOLE_SITE = ("da", "en")
DEFAULT = ("da", "en", "ar", "uk")

# Django knows no Somali, Tigrinya or Dari: teach it their names and direction, so that
# `get_language_info`, `{% get_language_info %}` and `get_language_bidi` work for them like for any other.
for _language in TABLE:
    if _language.code not in LANG_INFO:
        LANG_INFO[_language.code] = {
            "bidi": _language.bidi,
            "code": _language.code,
            "name": _language.name_en or _language.name_local,
            "name_local": _language.name_local,
        }


def language(code: str) -> Language:
    """The table's entry for `code`, or one made from Django's LANG_INFO; ImproperlyConfigured if neither knows it."""
    if code in BY_CODE:
        return BY_CODE[code]
    info = LANG_INFO.get(code)
    if info is None or "name_local" not in info:
        raise ImproperlyConfigured(
            f"Unknown language code {code!r} in RAAD_LANGUAGES: add it to raad/core/languages.py (TABLE) "
            "with its Danish name, its own name and its direction."
        )
    return Language(code, info["name"], info["name_local"], bool(info.get("bidi")))


def configured(codes: list[str] | tuple[str, ...]) -> list[Language]:
    """The languages of `RAAD_LANGUAGES`, Danish and English always included and first, duplicates dropped."""
    wanted = [*WHOLE_SITE, *(code.strip().lower() for code in codes)]
    seen: list[str] = []
    for code in wanted:
        if code and code not in seen:
            seen.append(code)
    return [language(code) for code in seen]


def settings_languages(codes: list[str] | tuple[str, ...]) -> list[tuple[str, str]]:
    """settings.LANGUAGES: (code, name) with each language in its own name, as the switcher shows it."""
    return [(entry.code, entry.name_local) for entry in configured(codes)]


def settings_bidi(codes: list[str] | tuple[str, ...]) -> list[str]:
    """settings.LANGUAGES_BIDI: the configured languages written right to left."""
    return [entry.code for entry in configured(codes) if entry.bidi]


def whole_site_choices() -> list[tuple[str, str]]:
    """The languages every page and every e-mail exists in (a member's e-mail language), each in its own name."""
    return [(code, BY_CODE[code].name_local) for code in WHOLE_SITE]


def is_community(code: str) -> bool:
    """A configured language other than Danish and English: offered only on citizen pages."""
    return bool(code) and code.split("-")[0] not in WHOLE_SITE


def is_configured(language: str) -> bool:
    """A language the site is configured for (settings.LANGUAGES)."""
    from django.conf import settings

    return bool(language) and language in {code for code, _name in settings.LANGUAGES}


def council_language(council: Any = None) -> str:
    """The council's official language: its `language` where the model has one, else the installation's
    (settings.LANGUAGE_CODE, Danish)."""
    from django.conf import settings

    language = getattr(council, "language", "") or ""
    return language if is_configured(language) else settings.LANGUAGE_CODE


def in_council_language(council: Any = None) -> Any:
    """`with in_council_language(council):` renders texts in the council's official language."""
    from django.utils import translation

    return translation.override(council_language(council))
