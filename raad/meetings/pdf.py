"""PDFs with WeasyPrint: tagged PDF/UA for the public agenda and minutes (R33); the member packet."""

from __future__ import annotations

import io

from django.template.loader import render_to_string
from django.utils import translation
from pypdf import PdfReader, PdfWriter

from raad.meetings import selectors
from raad.meetings.models import Meeting


def render_pdf(request, template: str, context: dict, *, tagged: bool = True) -> bytes:
    from weasyprint import HTML

    html = render_to_string(template, {**context, "LANGUAGE_CODE": translation.get_language()}, request=request)
    options = {"pdf_variant": "pdf/ua-1"} if tagged else {}
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(**options)


def public_agenda(request, meeting: Meeting) -> bytes:
    """Open items only; a closed item appears as "Lukket punkt" and nothing else."""
    return render_pdf(
        request, "meetings/pdf/public_agenda.html", {"meeting": meeting, "items": selectors.public_agenda(meeting)}
    )


def public_minutes(request, meeting: Meeting, minutes) -> bytes:
    return render_pdf(request, "meetings/pdf/public_minutes.html", {"meeting": meeting, "minutes": minutes})


def member_packet(request, meeting: Meeting) -> bytes:
    """The whole agenda followed by every attachment that is a PDF (members only)."""
    items = selectors.agenda_items(meeting)
    agenda = render_pdf(
        request,
        "meetings/pdf/member_agenda.html",
        {"meeting": meeting, "items": items, "deadlines": selectors.deadlines(meeting)},
        tagged=False,
    )
    attachments = [a for item in items for a in item.attachments.all() if a.content_type == "application/pdf"]
    if not attachments:
        return agenda
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(agenda)))
    for attachment in attachments:
        try:
            with attachment.file.open("rb") as handle:
                writer.append(PdfReader(io.BytesIO(handle.read())))
        except Exception:  # noqa: BLE001,S112  (a broken PDF attachment must not stop the packet)
            continue
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
