"""The letter that carries an adopted statement to its recipient: tagged PDF (PDF/UA) on the council's letterhead."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from raad.statements import selectors
from raad.statements.models import Statement, StatementVersion

# WeasyPrint logs every rendering step at INFO; only its warnings matter here.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def letter_html(
    *, statement: Statement, version: StatementVersion, sent_on: datetime.date, late_reason: str = ""
) -> str:
    council = statement.council
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(
            "statements/pdf/letter.html",
            {
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
            },
        )


def letter_pdf(
    *, statement: Statement, version: StatementVersion, sent_on: datetime.date, late_reason: str = ""
) -> bytes:
    """Render the letter with WeasyPrint as PDF/UA-1 (tagged, with language and title)."""
    import weasyprint

    html = letter_html(statement=statement, version=version, sent_on=sent_on, late_reason=late_reason)
    return weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
