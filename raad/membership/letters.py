"""The appointment letter as a tagged PDF (PDF/UA-1), rendered by the core renderer."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone, translation

from raad.core.pdf import PDF_FOR_PEOPLE, render_pdf

TEMPLATE = "membership/letters/appointment.html"
LETTER_LANGUAGE = "da"  # an official letter is written in Danish


def _context(membership) -> dict:
    return {"membership": membership, "council": membership.seat.council, "today": timezone.localdate()}


def appointment_letter_html(membership) -> str:
    with translation.override(LETTER_LANGUAGE):
        return render_to_string(TEMPLATE, _context(membership))


def appointment_letter_pdf(membership) -> bytes:
    return render_pdf(TEMPLATE, _context(membership), lang=LETTER_LANGUAGE, purpose=PDF_FOR_PEOPLE)
