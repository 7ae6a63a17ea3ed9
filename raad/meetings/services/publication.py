"""The personal-data check before something is published (R32): writes of meetings
(raad.meetings.services.publication).

The check itself is a selector (`minutes_publication_check`, `agenda_publication_check`). Publishing over a
finding is an explicit decision: the person publishing confirms it with a reason, which is stored with the
record and written to the journal (without the personal data found). Without a reason it is refused."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from raad.core.errors import RuleViolation
from raad.core.redaction import Finding
from raad.core.text import clean_text
from raad.councils.rules import Violation

OVERRIDE_FIELD = "override_reason"


def publication_override(*, findings: Sequence[Finding], override_reason: str) -> str:
    """The reason to store ('' when the check found nothing). Refuses, naming R32, when the check found possible
    personal data and no reason was given."""
    if not findings:
        return ""
    reason = clean_text(override_reason)
    if not reason:
        raise RuleViolation(
            [
                Violation(
                    OVERRIDE_FIELD,
                    _(
                        "Tjekket fandt mulige personoplysninger i de åbne punkter (%(kinds)s). Personoplysninger i "
                        "det, rådet offentliggør, skal begrænses (R32, databeskyttelsesforordningen art. 5). Ret "
                        "teksten, eller bekræft med en begrundelse, at den skal offentliggøres alligevel."
                    )
                    % {"kinds": finding_kinds(findings, labels=True)},
                )
            ]
        )
    return reason


def finding_kinds(findings: Sequence[Finding], *, labels: bool = False) -> str:
    """What kinds of personal data the check found, each once ('CPR-nummer, Navn …'): never the data itself."""
    seen = dict.fromkeys(str(f.label) if labels else f.kind for f in findings)
    return ", ".join(seen)
