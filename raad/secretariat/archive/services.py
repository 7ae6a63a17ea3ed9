"""Writes of the exports: only the audit journal's entry. An export changes and deletes nothing else."""

from __future__ import annotations

from django.db import transaction

from raad.core import audit
from raad.core.models import AuditEntry, User
from raad.councils.models import Council
from raad.statements.models import Consultation


@transaction.atomic
def case_export_record(*, consultation: Consultation, by: User | None) -> AuditEntry:
    """Record that the case was exported for an access request (R28)."""
    return audit.record(
        actor=by,
        verb="archive.case_exported",
        target=consultation,
        council_id=consultation.council_id,
        changes=audit.created(case_number=consultation.case_number),
    )


@transaction.atomic
def year_export_record(*, council: Council, year: int, by: User | None) -> AuditEntry:
    """Record that the council's year was exported for the archive (R34)."""
    return audit.record(
        actor=by, verb="archive.year_exported", target=council, council_id=council.pk, changes=audit.created(year=year)
    )
