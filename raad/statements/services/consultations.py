"""Consultations: writes of statements (raad.statements.services.consultations)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from raad.core import audit, documents, filestore, translations
from raad.core.errors import RuleViolation
from raad.core.models import User
from raad.core.redaction import mask_cpr
from raad.councils.models import Council
from raad.councils.rules import Violation
from raad.councils.services import ensure_not_archived
from raad.statements.models import (
    Committee,
    Consultation,
    ConsultationDocument,
    RecordEntry,
)

from .committees import committee_create
from .common import CONSULTATION_FIELDS, _da


@transaction.atomic
def consultation_register(
    *,
    council: Council,
    subject: str,
    committee: Committee,
    received_on: datetime.date,
    deadline: datetime.date,
    case_number: str,
    summary: str = "",
    subject_en: str = "",
    summary_en: str = "",
    link: str = "",
    reply_to: str = "",
    journal_date: datetime.date | None = None,
    by: User | None,
) -> Consultation:
    """Register an incoming høring and journalise it with date and subject (R29)."""
    ensure_not_archived(council)
    violations = []
    if deadline < received_on:
        violations.append(Violation("deadline", _("Høringsfristen kan ikke ligge før modtagelsesdatoen.")))
    if not case_number.strip():
        violations.append(Violation("case_number", _("En høring skal have et sagsnummer (offentlighedsloven § 15).")))
    if committee.municipality_id != council.municipality_id:
        violations.append(Violation("committee", _("Afsenderen hører til en anden kommune.")))
    if violations:
        raise RuleViolation(violations)
    consultation = Consultation.objects.create(
        council=council,
        subject=mask_cpr(subject),
        summary=mask_cpr(summary),
        committee=committee,
        received_on=received_on,
        deadline=deadline,
        case_number=case_number.strip(),
        link=link,
        reply_to=reply_to,
    )
    entry = RecordEntry.objects.create(
        council=council,
        case_number=consultation.case_number,
        entry_date=journal_date or received_on,
        direction=RecordEntry.Direction.INCOMING,
        subject=_da(gettext_noop("Høring: %(subject)s")) % {"subject": consultation.subject},
        consultation=consultation,
        counterpart=committee.name,
    )
    audit.record(
        actor=by,
        verb="consultation.registered",
        target=consultation,
        council_id=council.pk,
        changes=audit.diff({}, audit.snapshot(consultation, CONSULTATION_FIELDS)) | audit.created(journal=str(entry)),
    )
    translations.translations_save(
        obj=consultation,
        language="en",
        texts={"subject": subject_en, "summary": summary_en},
        status=translations.REVIEWED,
        actor=by,
        created=True,
        council_id=council.pk,
    )
    return consultation


@transaction.atomic
def consultation_register_with_document(
    *,
    council: Council,
    committee: Committee | None,
    new_committee: str = "",
    new_committee_email: str = "",
    document: dict[str, Any] | None = None,
    by: User | None,
    **fields: Any,
) -> Consultation:
    """The register form in one step: a new sender if needed, the consultation, and its first document.
    All or nothing: a refused document leaves no consultation behind."""
    if committee is None:
        committee = Committee.objects.filter(
            municipality_id=council.municipality_id, name=new_committee.strip()
        ).first()
        if committee is None:
            committee = committee_create(
                municipality=council.municipality, name=new_committee.strip(), email=new_committee_email, by=by
            )
    consultation = consultation_register(council=council, committee=committee, by=by, **fields)
    if document is not None:
        consultation_document_add(consultation=consultation, by=by, **document)
    return consultation


# What the municipality sends in a høring (checked by content).
CONSULTATION_DOCUMENT_TYPES = (
    documents.PDF,
    documents.DOCX,
    documents.ODT,
    documents.XLSX,
    documents.PNG,
    documents.JPEG,
)


@transaction.atomic
def consultation_document_add(
    *, consultation: Consultation, title: str, filename: str, data: bytes, by: User | None
) -> ConsultationDocument:
    """Attach a consultation document after checking its type by content and its size."""
    ensure_not_archived(consultation.council_id)
    content_type, extension = documents.check_upload(data, accepted=CONSULTATION_DOCUMENT_TYPES)
    stem = "".join(ch for ch in filename.rsplit(".", 1)[0] if ch.isalnum() or ch in "-_")[:60] or "dokument"
    document = ConsultationDocument(
        consultation=consultation, title=title.strip() or stem, content_type=content_type, size=len(data)
    )
    filestore.store_upload(document.file, f"{stem}.{extension}", data)
    document.save()
    audit.record(
        actor=by,
        verb="consultation.document_added",
        target=document,
        council_id=consultation.council_id,
        changes=audit.created(title=document.title, size=len(data)),
    )
    return document
