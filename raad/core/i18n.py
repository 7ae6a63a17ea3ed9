"""Content in two languages: a Danish field `x` and an English field `x_en` beside it; dates in the page's
language."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.utils import dateformat, timezone
from django.utils.formats import get_format_modules
from django.utils.translation import get_language

# Råd's own named date formats, defined per language in raad/formats/<language>/formats.py.
DATE_FORMATS = ("WEEKDAY_DATE_FORMAT", "WEEKDAY_DATETIME_FORMAT", "LONG_DATETIME_FORMAT", "CLOCK_FORMAT")


def localized(obj: Any, field: str) -> str:
    """The English text where the page is in English and one exists, else the Danish."""
    language = (get_language() or "da").split("-")[0]
    if language == "en":
        english = getattr(obj, f"{field}_en", "") or ""
        if english.strip():
            return english
    return getattr(obj, field, "") or ""


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
