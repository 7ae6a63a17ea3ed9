"""Shared pieces: writes of statements (raad.statements.services.common)."""

from __future__ import annotations

import datetime

from django.utils import timezone, translation

from raad.core import audit
from raad.core.i18n import in_council_language
from raad.core.models import User
from raad.core.redaction import mask_cpr
from raad.councils.services import ensure_not_archived
from raad.statements.models import (
    Statement,
    StatementVersion,
)

CONSULTATION_FIELDS = ("subject", "committee", "received_on", "deadline", "case_number", "link", "reply_to")


def _house_language():
    """Texts that are stored (journal, decision references) or mailed are in the council's language
    (settings.LANGUAGE_CODE), whatever language the person who triggered them reads the site in."""
    return in_council_language()


def _da(message: str) -> str:
    with _house_language():
        return translation.gettext(message)


def _kind_in_house_language(statement: Statement) -> str:
    with _house_language():
        return str(Statement.Kind(statement.kind).label)


def _today(on: datetime.date | None) -> datetime.date:
    return on or timezone.localdate()


def _lock(statement: Statement) -> Statement:
    """Re-read the statement under a row lock so two people cannot move it at once; refused when its council
    is archived (R1)."""
    statement = (
        Statement.objects.select_for_update(of=("self",)).select_related("council", "consultation").get(pk=statement.pk)
    )
    ensure_not_archived(statement.council)
    return statement


def _new_version(*, statement: Statement, text: str, note: str, kind: str, by: User | None) -> StatementVersion:
    last = (
        StatementVersion.objects.filter(statement=statement)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    version = StatementVersion.objects.create(
        statement=statement,
        number=(last or 0) + 1,
        kind=kind,
        text=mask_cpr(text.replace("\r\n", "\n")),
        note=mask_cpr(note),
        author=by if by is not None and by.pk else None,
    )
    audit.record(
        actor=by,
        verb="statement.version_saved",
        target=statement,
        council_id=statement.council_id,
        changes=audit.changed(version=(last, version.number), kind=(None, kind)),
    )
    return version
