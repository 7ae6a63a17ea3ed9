"""Dates in the page's language, and the one way to render something in the council's official language or a
recipient's own. Translated content (a council's name, a statement's title in English …) is
raad.core.translations: `translations.localized(obj, "name")`."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.utils import dateformat, timezone, translation
from django.utils.formats import get_format_modules
from django.utils.translation import get_language

# The council's official language lives with the language table (audit needs it without this module).
from raad.core.languages import council_language, is_configured
from raad.core.languages import in_council_language as in_council_language

# Råd's own named date formats, defined per language in raad/formats/<language>/formats.py.
DATE_FORMATS = ("WEEKDAY_DATE_FORMAT", "WEEKDAY_DATETIME_FORMAT", "LONG_DATETIME_FORMAT", "CLOCK_FORMAT")


def date_local(value: datetime.date | datetime.datetime | None, name: str) -> str:
    """`value` in one of Råd's named formats (`DATE_FORMATS`) for the active language, Danish as fallback:
    "torsdag 10. december 2026, kl. 17.00" / "Thursday 10 December 2026, 17:00". Aware datetimes are shown
    in local time. Django's `date` filter cannot do this: it looks up only Django's own format names."""
    if name not in DATE_FORMATS:
        raise ValueError(f"unknown date format {name!r}; use one of {', '.join(DATE_FORMATS)}")
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    for language in (get_language() or settings.LANGUAGE_CODE, settings.LANGUAGE_CODE):
        for module in get_format_modules(language):
            format_string = getattr(module, name, None)
            if format_string:
                return dateformat.format(value, format_string)
    raise ValueError(f"{name} is not defined in raad/formats/{settings.LANGUAGE_CODE}/formats.py")


# --- Which language a text is rendered in ----------------------------------------------------------------
#
# Two cases, one way each. What the council writes (journal texts, letters, e-mails to whoever has no
# language recorded) is in its official language; an e-mail to a person is in that person's own language
# when one is recorded, else in the council's. Both are context managers around `translation.override`.


def recipient_language(recipient: Any, council: Any = None) -> str:
    """The recipient's own language (`language` on the person, or on the person's user) when recorded and
    offered by the site, else the council's official language."""
    for holder in (recipient, getattr(recipient, "user", None)):
        language = getattr(holder, "language", "") or ""
        if is_configured(language):
            return language
    return council_language(council)


def in_recipient_language(recipient: Any, council: Any = None) -> translation.override:
    """`with in_recipient_language(person, council):` renders texts in the recipient's language."""
    return translation.override(recipient_language(recipient, council))


def language_name(code: str) -> str:
    """The language's own name, capitalised ("Dansk", "English"): the name its reader looks for."""
    return str(translation.get_language_info(code)["name_local"]).capitalize()


def citizen_page(view):
    """Mark a public view as a citizen page: offered in the council's community languages (Arabic,
    Ukrainian …) besides Danish and English. Any other page asked for in a community language is shown in
    Danish with a notice in the visitor's language (see docs/translations.md). A class-based view is marked
    on its class (`@citizen_page class X(View)`) or on `X.as_view()`."""
    view.citizen_page = True
    return view


def is_citizen_page(view: Any) -> bool:
    """Whether the resolved view function (or its class) is marked with `citizen_page`."""
    if view is None:
        return False
    return bool(
        getattr(view, "citizen_page", False) or getattr(getattr(view, "view_class", None), "citizen_page", False)
    )


@citizen_page
def set_language(request):
    """Django's set_language, usable from every page in every language: the language switch posts to it."""
    from django.views.i18n import set_language as django_set_language

    return django_set_language(request)


def offered_languages(council: Any = None) -> list[str]:
    """The languages a council's citizen pages are in: Danish and English, then its community languages
    (`Council.citizen_languages`) that the site is configured for, in the council's order."""
    from raad.core.languages import WHOLE_SITE

    configured = [code for code, _name in settings.LANGUAGES]
    chosen = list(getattr(council, "citizen_languages", None) or []) if council is not None else []
    return [code for code in WHOLE_SITE if code in configured] + [
        code for code in chosen if code in configured and code not in WHOLE_SITE
    ]


def language_direction(code: str) -> str:
    """ "rtl" for a language written right to left, else "ltr"."""
    return "rtl" if code.split("-")[0] in settings.LANGUAGES_BIDI else "ltr"


def shown_texts(pairs: list[tuple[Any, str]]) -> list:
    """The text of each (object, field) as a citizen page shows it (`raad.core.translations.localized_text`:
    text, language, is_fallback, is_draft), their translations read with one query per model: what a citizen
    page passes to `core/includes/fallback_notice.html` to say which texts are not in the visitor's language."""
    from raad.core import translations

    if translations.active_language() != settings.LANGUAGE_CODE:
        # Objects a selector already prefetched keep their translations: no second query for them.
        translations.prefetch(
            {id(obj): obj for obj, _field in pairs if obj is not None and not translations.is_prefetched(obj)}.values()
        )
    return [translations.localized_text(obj, field) for obj, field in pairs if obj is not None]
