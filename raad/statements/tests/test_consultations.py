"""Statements services, registering: every transition, and every refusal leaving the database unchanged."""

import datetime

import pytest

from raad.core.errors import RuleViolation
from raad.statements import services
from raad.statements.models import RecordEntry
from raad.testing import assert_unchanged

from .services_support import (
    TODAY,
    _today,  # noqa: F401  (the clock fixed on 26 November 2026, autouse)
    verbs,
)


def test_register_consultation_journalises_and_audits(consultation, secretary):
    entry = RecordEntry.objects.get(consultation=consultation)
    assert (entry.direction, entry.entry_date, entry.case_number) == (
        "in",
        datetime.date(2026, 11, 2),
        "27.00.00-P15-3-26",
    )
    assert entry.subject == "Høring: Integrationspolitik 2027–2030"
    assert verbs(consultation) == ["consultation.registered"]


def test_register_consultation_refuses_deadline_before_receipt_and_missing_case_number(council, committee, secretary):
    with assert_unchanged(), pytest.raises(RuleViolation) as error:
        services.consultation_register(
            council=council,
            subject="X",
            committee=committee,
            received_on=TODAY,
            deadline=TODAY - datetime.timedelta(days=1),
            case_number=" ",
            by=secretary,
        )
    assert len(error.value.messages) == 2


def test_document_type_is_checked_by_content(consultation, secretary):
    doc = services.consultation_document_add(
        consultation=consultation, title="Udkast", filename="politik.pdf", data=b"%PDF-1.7\n...", by=secretary
    )
    assert (doc.content_type, doc.size, doc.file.name.endswith(".pdf")) == ("application/pdf", 12, True)
    with assert_unchanged(), pytest.raises(RuleViolation, match="Filtypen"):
        # A program renamed to .pdf is refused.
        services.consultation_document_add(
            consultation=consultation, title="Ondt", filename="politik.pdf", data=b"MZ\x90\x00 not a pdf", by=secretary
        )


def test_document_size_limit(consultation, secretary, settings):
    settings.MAX_UPLOAD_BYTES = 1024 * 1024
    with assert_unchanged(), pytest.raises(RuleViolation, match="for stor"):
        services.consultation_document_add(
            consultation=consultation,
            title="Stor",
            filename="a.pdf",
            data=b"%PDF-" + b"0" * (1024 * 1024),
            by=secretary,
        )


def test_cpr_numbers_are_masked_before_storage(council, consultation, secretary):
    statement = services.statement_create(
        council=council,
        kind="response",
        title="Svar",
        consultation=consultation,
        text="Borgeren 010190-1234 skrev til os.",
        by=secretary,
    )
    assert statement.versions.get().text == "Borgeren XXXXXX-XXXX skrev til os."
