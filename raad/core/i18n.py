"""Content in two languages: a Danish field `x` and an English field `x_en` beside it."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language


def localized(obj: Any, field: str) -> str:
    """The English text where the page is in English and one exists, else the Danish."""
    language = (get_language() or "da").split("-")[0]
    if language == "en":
        english = getattr(obj, f"{field}_en", "") or ""
        if english.strip():
            return english
    return getattr(obj, field, "") or ""
