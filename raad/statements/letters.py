"""The letter that carries an adopted statement to its recipient: tagged PDF (PDF/UA) on the council's letterhead."""

from __future__ import annotations

import datetime

from django.template.loader import render_to_string

from raad.core.i18n import council_language, in_council_language
from raad.core.pdf import PDF_FOR_PEOPLE, render_pdf
from raad.statements import selectors
from raad.statements.models import Statement, StatementVersion

TEMPLATE = "statements/pdf/letter.html"


def _context(*, statement: Statement, version: StatementVersion, sent_on: datetime.date, late_reason: str) -> dict:
    council = statement.council
    return {
        "statement": statement,
        "council": council,
        "municipality": council.municipality,
        "consultation": statement.consultation,
        "text": version.text,
        "sent_on": sent_on,
        "late_reason": late_reason,
        "minority_statements": selectors.minority_statements_of(statement),
        "case_number": statement.case_number
        or (statement.consultation.case_number if statement.consultation is not None else ""),
    }


def letter_html(
    *, statement: Statement, version: StatementVersion, sent_on: datetime.date, late_reason: str = ""
) -> str:
    context = _context(statement=statement, version=version, sent_on=sent_on, late_reason=late_reason)
    with in_council_language(statement.council):
        return render_to_string(TEMPLATE, context)


def letter_pdf(
    *, statement: Statement, version: StatementVersion, sent_on: datetime.date, late_reason: str = ""
) -> bytes:
    """The letter as PDF/UA-1 (tagged, with language and title), in the official language."""
    context = _context(statement=statement, version=version, sent_on=sent_on, late_reason=late_reason)
    return render_pdf(TEMPLATE, context, lang=council_language(statement.council), purpose=PDF_FOR_PEOPLE)
