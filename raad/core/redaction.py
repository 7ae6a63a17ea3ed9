"""Find and mask personal data in free text before it is stored or published (R30, R32).

- `mask_cpr(text)` replaces every plausible CPR number by `CPR_MASK`, in any spelling people type: with or
  without a separator (hyphen, en or em dash, minus, slash, dot, spaces, also around the dash), and with spaces
  or dots inside the date (`0101 90 1234`, `01.01.90-1234`). Only numbers whose first six digits are a real
  date (day and month; 29 February in any leap year) are masked, so dates, phone and case numbers stay.
- `find_personal_data(text, known_names=…)` lists what looks like personal data before something is
  published: CPR numbers, e-mail addresses, phone numbers, street addresses and, when the caller says whose
  names may appear (the council's members and substitutes), every other person's name.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

# Spaces people type (also no-break and thin spaces), and the marks that separate the date from the rest.
_SPACE = "[ \t\u00a0\u2009\u202f]"
_DASH = "[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212/.]"
_IN_DATE = f"(?:{_SPACE}|\\.)?"  # 0101 90, 01.01.90
_SEPARATOR = f"{_SPACE}{{0,3}}(?:{_DASH}{_SPACE}{{0,3}})?"  # -, –, " - ", " ", none
_CPR = re.compile(
    rf"(?<!\d)(?<!\d{_DASH})"
    rf"(?P<dd>\d\d){_IN_DATE}(?P<mm>\d\d){_IN_DATE}(?P<yy>\d\d)"
    rf"{_SEPARATOR}(?P<seq>\d{{4}})"
    rf"(?!\d)(?!{_DASH}\d)"
)
CPR_MASK = "XXXXXX-XXXX"


def _plausible_cpr(match: re.Match[str]) -> bool:
    """The first six digits are a date (the century is not known, so 29 February counts in any leap year)."""
    day, month, year = int(match["dd"]), int(match["mm"]), int(match["yy"])
    if not 1 <= month <= 12:
        return False
    return 1 <= day <= calendar.monthrange(2000 + year, month)[1]


def mask_cpr(text: str) -> str:
    """Replace every plausible CPR number in `text` by XXXXXX-XXXX; the rest of the text is untouched."""
    if not text:
        return text
    return _CPR.sub(lambda m: CPR_MASK if _plausible_cpr(m) else m.group(0), text)


def mask_cpr_in(data: Mapping[str, Any], fields: Collection[str]) -> dict[str, Any]:
    """`data` with every CPR number masked in the text values of its free-text `fields`; other values as given."""
    return {
        name: mask_cpr(value) if name in fields and isinstance(value, str) else value for name, value in data.items()
    }


def contains_cpr(text: str) -> bool:
    return any(_plausible_cpr(m) for m in _CPR.finditer(text or ""))


@dataclass(frozen=True)
class Finding:
    kind: str
    label: str
    text: str


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\d)(?:\+45[ ]?)?(?:\d{2}[ ]?){3}\d{2}(?!\d)")
_ADDRESS = re.compile(
    r"\b[A-ZÆØÅ][a-zæøåé]+(?:vej|gade|allé|alle|stræde|vænget|parken|torv|plads|bakken|have)\s+\d+[A-Za-z]?\b"
)
# Two or more capitalised words in a row: "Karen Jensen", "Anne-Marie Holm".
_NAME = re.compile(r"\b([A-ZÆØÅ][a-zæøåéü]+(?:[ -][A-ZÆØÅ][a-zæøåéü]+)+)\b")
# Capitalised words that are never a person's name in a council's texts.
COMMON_WORDS = frozenset({"Kommune", "Rådet", "Råd"})


def find_names(text: str, *, known_names: Collection[str], common_words: Collection[str] = ()) -> list[Finding]:
    """Names of people in `text` other than `known_names`, each once. A run of capitalised words that contains
    one of `common_words` (or `COMMON_WORDS`: the council's and the municipality's name) is not a name."""
    vocabulary = COMMON_WORDS | set(common_words)
    known = set(known_names)
    seen: set[str] = set()
    findings: list[Finding] = []
    for match in _NAME.finditer(text or ""):
        name = match.group(1)
        if name in known or name in seen or set(re.split(r"[ -]", name)) & vocabulary:
            continue
        seen.add(name)
        findings.append(Finding("name", _("Navn på en person, der ikke er medlem"), name))
    return findings


def find_personal_data(
    text: str, *, known_names: Collection[str] | None = None, common_words: Collection[str] = ()
) -> list[Finding]:
    """What in `text` looks like personal data, for a check before publishing: CPR numbers, e-mail addresses,
    phone numbers, street addresses and, when `known_names` is given, names of people not in it."""
    text = text or ""
    findings: list[Finding] = [
        Finding("cpr", _("CPR-nummer"), m.group(0)) for m in _CPR.finditer(text) if _plausible_cpr(m)
    ]
    findings += [Finding("email", _("E-mailadresse"), m.group(0)) for m in _EMAIL.finditer(text)]
    findings += [Finding("phone", _("Telefonnummer"), m.group(0)) for m in _PHONE.finditer(text)]
    findings += [Finding("address", _("Adresse"), m.group(0)) for m in _ADDRESS.finditer(text)]
    if known_names is not None:
        findings += find_names(text, known_names=known_names, common_words=common_words)
    return findings
