"""The meeting's PDFs, rendered by the core renderer: the public agenda and minutes (R33) and the member packet."""

from __future__ import annotations

import io

from django.core.files.storage import default_storage
from django.utils import translation
from pypdf import PdfReader, PdfWriter

from raad.core.pdf import PDF_FOR_PEOPLE, StoredPdf, stored_pdf
from raad.meetings import selectors
from raad.meetings.models import Meeting


def _stored(template: str, context: dict) -> StoredPdf:
    """A PDF fetched often (the public agenda and minutes, the members' packet): made once per content and
    language, in the reader's language, tagged for people, then read from the (private) file store."""
    return stored_pdf(template, context, lang=translation.get_language() or "da", purpose=PDF_FOR_PEOPLE)


def public_agenda(request, meeting: Meeting) -> StoredPdf:
    """Open items only; a closed item appears as "Lukket punkt" and nothing else."""
    return _stored("meetings/pdf/public_agenda.html", {"meeting": meeting, "items": selectors.public_agenda(meeting)})


def public_minutes(request, meeting: Meeting, minutes) -> StoredPdf:
    return _stored("meetings/pdf/public_minutes.html", {"meeting": meeting, "minutes": minutes})


def member_packet(request, meeting: Meeting) -> bytes:
    """The whole agenda followed by every attachment that is a PDF (members only)."""
    items = selectors.agenda_items(meeting)
    # Rendered once per version of the agenda (WeasyPrint is the cost: a load test found every member's fetch
    # rendering it anew); the file store is private and only this view reads it back.
    stored = _stored(
        "meetings/pdf/member_agenda.html",
        {
            "meeting": meeting,
            "items": items,
            "deadlines": selectors.deadlines(meeting),
            "has_closed": any(item.is_closed for item in items),
        },
    )
    with default_storage.open(stored.name, "rb") as handle:
        agenda = handle.read()
    attachments = [a for item in items for a in item.attachments.all() if a.content_type == "application/pdf"]
    if not attachments:
        return agenda
    # The agenda's catalogue (structure tree, MarkInfo, language, PDF/UA metadata) is kept: the packet stays a
    # tagged PDF; the attachments' pages follow it.
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(agenda)))
    for attachment in attachments:
        try:
            with attachment.file.open("rb") as handle:
                writer.append(PdfReader(io.BytesIO(handle.read())))
        except Exception:  # noqa: BLE001,S112  (a broken PDF attachment must not stop the packet)
            continue
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
