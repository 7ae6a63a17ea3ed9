"""The appointment letter as a tagged PDF (PDF/UA-1), rendered by the core renderer."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from raad.core.i18n import council_language, in_council_language
from raad.core.pdf import PDF_FOR_PEOPLE, render_pdf

TEMPLATE = "membership/letters/appointment.html"


def _context(membership) -> dict:
    return {"membership": membership, "council": membership.seat.council, "today": timezone.localdate()}


def appointment_letter_html(membership) -> str:
    """An official letter is written in the council's official language, whatever the page's."""
    with in_council_language(membership.seat.council):
        return render_to_string(TEMPLATE, _context(membership))


def appointment_letter_pdf(membership) -> bytes:
    council = membership.seat.council
    return render_pdf(TEMPLATE, _context(membership), lang=council_language(council), purpose=PDF_FOR_PEOPLE)
