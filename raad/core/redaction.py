"""Find and mask personal data in free text before it is stored or published (R30, R32)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# A CPR number: DDMMYY-SSSS or DDMMYYSSSS (also with a space), with a plausible date.
_CPR = re.compile(r"(?<![\d-])(?P<dd>[0-3]\d)(?P<mm>[01]\d)(?P<yy>\d{2})[ -]?(?P<seq>\d{4})(?![\d-])")
CPR_MASK = "XXXXXX-XXXX"


def _plausible_cpr(match: re.Match[str]) -> bool:
    day, month = int(match["dd"]), int(match["mm"])
    return 1 <= day <= 31 and 1 <= month <= 12


def mask_cpr(text: str) -> str:
    """Replace every CPR-like number in `text` by XXXXXX-XXXX."""
    if not text:
        return text
    return _CPR.sub(lambda m: CPR_MASK if _plausible_cpr(m) else m.group(0), text)


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


def find_personal_data(text: str) -> list[Finding]:
    """What in `text` looks like personal data, for a check before publishing."""
    findings: list[Finding] = []
    for match in _CPR.finditer(text or ""):
        if _plausible_cpr(match):
            findings.append(Finding("cpr", str(_("CPR-nummer")), match.group(0)))
    for match in _EMAIL.finditer(text or ""):
        findings.append(Finding("email", str(_("E-mailadresse")), match.group(0)))
    for match in _PHONE.finditer(text or ""):
        findings.append(Finding("phone", str(_("Telefonnummer")), match.group(0)))
    for match in _ADDRESS.finditer(text or ""):
        findings.append(Finding("address", str(_("Adresse")), match.group(0)))
    return findings
