"""The appointment letter as a tagged PDF (PDF/UA-1), rendered from an HTML template with WeasyPrint."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone, translation


def appointment_letter_html(membership) -> str:
    with translation.override("da"):
        return render_to_string(
            "membership/letters/appointment.html",
            {"membership": membership, "council": membership.seat.council, "today": timezone.localdate()},
        )


def appointment_letter_pdf(membership) -> bytes:
    from weasyprint import HTML

    return HTML(string=appointment_letter_html(membership)).write_pdf(pdf_variant="pdf/ua-1")
