"""A minority statement (R22): a minority's dissent, recorded word for word, one concept for every app.

A dissent is recorded with a meeting decision (`meetings.MinorityStatement`) or attached to a statement
before it is sent (`statements.MinorityStatement`). Both are `MinorityStatementBase`: the same fields, the
same limit, and `minority_statement_cleaned` is the one validation and redaction both services call.
Where a dissent may be shown to the public is decided by the owning app's `public_…` selectors: a closed
agenda item's minority statements never reach a public page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raad.core.errors import RuleViolation
from raad.core.models import BaseModel
from raad.core.redaction import mask_cpr
from raad.core.text import clean_text

# The rules of procedure name no limit; the names of the members in the minority fit in this many characters.
MINORITY_MEMBERS_MAX_LENGTH = 500


class MinorityStatementBase(BaseModel):
    """Who the minority are, and their dissent word for word (CPR numbers masked, R30)."""

    members = models.CharField(gettext_lazy("mindretallet (navne)"), max_length=MINORITY_MEMBERS_MAX_LENGTH)
    text = models.TextField(gettext_lazy("mindretalsudtalelse"))

    class Meta:
        abstract = True
        verbose_name = gettext_lazy("mindretalsudtalelse")
        verbose_name_plural = gettext_lazy("mindretalsudtalelser")

    def __str__(self) -> str:
        return self.members


@dataclass(frozen=True)
class _Problem:
    field: str
    message: str


def minority_statement_cleaned(*, members: str, text: str) -> dict[str, str]:
    """The fields of a minority statement as they are stored: the names stripped, the dissent word for word
    (line breaks normalised, surrounding space removed), CPR numbers masked in both. Raises `RuleViolation`
    when either is empty or the names are too long."""
    members = clean_text(members)
    text = mask_cpr((text or "").replace("\r\n", "\n").strip())
    problems: list[_Problem] = []
    if not members or not text:
        problems.append(_Problem("text", _("Skriv mindretallets udtalelse og hvem mindretallet er.")))
    if len(members) > MINORITY_MEMBERS_MAX_LENGTH:
        problems.append(
            _Problem(
                "members",
                _("Navnene på mindretallet må højst fylde %(limit)d tegn.") % {"limit": MINORITY_MEMBERS_MAX_LENGTH},
            )
        )
    if problems:
        raise RuleViolation(problems)
    return {"members": members, "text": text}
