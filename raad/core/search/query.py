"""Reading a search request (`/soeg/?q=…&art=…&raad=…&aar=…&formaal=…&side=…`) into a `SearchQuery`, or a
`BadQuery` with a message a reader understands (the page answers 400 with it)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from . import registry
from .stemming import words

MAX_LENGTH = 200  # characters of the search text
MAX_PAGE = 1000
SLUG = re.compile(r"^[-a-z0-9_]{1,100}$")


class BadQuery(ValueError):
    """A request the search cannot answer; `message` is translated and safe to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class SearchQuery:
    text: str
    terms: tuple[str, ...]
    kind: str = ""
    council: str = ""
    year: int | None = None
    purpose: str = ""
    page: int = 1

    @property
    def filters(self) -> dict[str, object]:
        return {"kind": self.kind, "council": self.council, "year": self.year, "purpose": self.purpose}


def _integer(value: str, *, low: int, high: int, message: str) -> int:
    if not value.isascii() or not value.isdigit() or not low <= int(value) <= high:
        raise BadQuery(message)
    return int(value)


def parse(params: Mapping[str, str]) -> SearchQuery:
    """Raises BadQuery for text that is too long, an unknown kind, a malformed council, year, purpose or page."""
    text = (params.get("q") or "").replace("\x00", " ").strip()
    if len(text) > MAX_LENGTH:
        raise BadQuery(_("Søgningen er for lang. Skriv højst %(max)s tegn.") % {"max": MAX_LENGTH})
    kind = (params.get("art") or "").strip()
    if kind and registry.source(kind) is None:
        raise BadQuery(_("Ukendt slags indhold i filteret. Vælg en af dem, der står ved resultaterne."))
    council = (params.get("raad") or "").strip()
    if council and not SLUG.match(council):
        raise BadQuery(_("Ukendt råd i filteret. Vælg et af dem, der står ved resultaterne."))
    year_text = (params.get("aar") or "").strip()
    year = None
    if year_text:
        year = _integer(year_text, low=1900, high=2200, message=_("Året skal være et årstal, fx 2026."))
    purpose = (params.get("formaal") or "").strip()
    if purpose and (not purpose.isascii() or not purpose.isdigit() or len(purpose) > 18):
        raise BadQuery(_("Ukendt formål i filteret. Vælg et af dem, der står ved resultaterne."))
    page_text = (params.get("side") or "1").strip()
    page = _integer(page_text, low=1, high=MAX_PAGE, message=_("Sidetallet skal være et helt tal fra 1."))
    return SearchQuery(
        text=text,
        terms=tuple(words(text)),
        kind=kind,
        council=council,
        year=year,
        purpose=purpose,
        page=page,
    )
