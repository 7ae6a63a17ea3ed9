"""File: the public PDFs and attachments, each with its existing public URL as accessUrl and downloadUrl:
a meeting's agenda (once the notice is sent), its published minutes, the open attachments of open items,
a published statement's letter and the documents of the consultation it answers. Minutes hidden again
(`meetings.services.minutes_unpublish`), and the attachments of an item closed after its agenda went out, are
deleted Files from the moment they stopped being public."""

from __future__ import annotations

import posixpath

from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from raad.meetings import selectors as meetings
from raad.meetings.models import Attachment, Meeting, Minutes
from raad.statements import selectors as statements
from raad.statements.models import ConsultationDocument, Statement

from .common import (
    MAX_DATABASE_ID,
    Source,
    compact,
    day,
    list_page,
    not_found,
    object_answer,
    stamps,
    type_of,
    url,
    web,
)

PDF = "application/pdf"


def _file(id_: str, access: str, **fields) -> dict:
    return compact({"id": id_, "type": type_of("File"), "accessUrl": access, "downloadUrl": access, **fields})


def agenda_file(meeting: Meeting) -> dict:
    return _file(
        url("file_agenda", meeting.pk),
        web(reverse("meetings_public:agenda_pdf", args=[meeting.council.slug, meeting.pk])),
        name=f"{_('Dagsorden')}: {meeting}",
        fileName=f"dagsorden-{meeting.pk}.pdf",
        mimeType=PDF,
        date=day(meeting.notice_sent_at),
        meeting=[url("meeting", meeting.pk)],
        **stamps(meeting),
    )


def minutes_file(meeting: Meeting, minutes: Minutes | None = None) -> dict:
    """The published minutes' PDF; stamped with the minutes' own times where they are loaded."""
    return _file(
        url("file_minutes", meeting.pk),
        web(reverse("meetings_public:minutes_pdf", args=[meeting.council.slug, meeting.pk])),
        name=f"{_('Referat')}: {meeting}",
        fileName=f"referat-{meeting.pk}.pdf",
        mimeType=PDF,
        meeting=[url("meeting", meeting.pk)],
        **(stamps(minutes) if minutes is not None else {}),
    )


def attachment_file(attachment: Attachment) -> dict:
    item = attachment.item
    return _file(
        url("file_attachment", attachment.pk),
        web(reverse("meetings_public:attachment", args=[item.meeting.council.slug, item.meeting_id, attachment.pk])),
        name=attachment.title,
        fileName=posixpath.basename(attachment.file.name),
        mimeType=attachment.content_type,
        size=attachment.size,
        meeting=[url("meeting", item.meeting_id)],
        agendaItem=[url("agenda_item", item.pk)],
        **stamps(attachment),
    )


def letter_file(statement: Statement) -> dict:
    return _file(
        url("file_letter", statement.pk),
        web(reverse("statements:public_letter", args=[statement.council.slug, statement.pk])),
        name=statement.title,
        fileName=f"udtalelse-{statement.pk}.pdf",
        mimeType=PDF,
        date=day(statement.sent_at),
        paper=[url("paper", statement.pk)],
        **stamps(statement),
    )


def document_file(document: ConsultationDocument) -> dict:
    council = document.consultation.council
    return _file(
        url("file_document", document.pk),
        web(reverse("statements:public_document", args=[council.slug, document.pk])),
        name=document.title,
        fileName=posixpath.basename(document.file.name),
        mimeType=document.content_type,
        size=document.size,
        **stamps(document),
    )


AGENDAS = Source(
    type="File", rows=meetings.public_agendas_in, serialize=agenda_file, object_url=lambda m: url("file_agenda", m.pk)
)
MINUTES = Source(
    type="File",
    rows=meetings.public_published_minutes_in,
    gone=meetings.public_unpublished_minutes_in,
    keep=("accessUrl",),  # required of every File: the (now unanswered) address the minutes had
    serialize=lambda minutes: minutes_file(minutes.meeting, minutes),
    object_url=lambda minutes: url("file_minutes", minutes.meeting_id),
)
ATTACHMENTS = Source(
    type="File",
    rows=meetings.public_attachments_in,
    gone=meetings.public_unpublished_attachments_in,  # of an item closed after the agenda went out
    gone_modified="unpublished_at",
    keep=("accessUrl",),  # required of every File: the (now unanswered) address the attachment had
    serialize=attachment_file,
    object_url=lambda a: url("file_attachment", a.pk),
)
LETTERS = Source(
    type="File", rows=statements.public_letters_in, serialize=letter_file, object_url=lambda s: url("file_letter", s.pk)
)
DOCUMENTS = Source(
    type="File",
    rows=statements.public_documents_in,
    serialize=document_file,
    object_url=lambda d: url("file_document", d.pk),
)


def file_list(request: HttpRequest, pk: int) -> JsonResponse:
    return list_page(request, url("body_files", pk), [AGENDAS, MINUTES, ATTACHMENTS, LETTERS, DOCUMENTS], pk)


def agenda_detail(request: HttpRequest, pk: int) -> JsonResponse:
    return object_answer(request, AGENDAS, pk)


def minutes_detail(request: HttpRequest, pk: int) -> JsonResponse:
    """The minutes' File is addressed by its meeting (one set of minutes per meeting)."""
    if pk > MAX_DATABASE_ID:  # found by benchmarks/fuzz_api.py: the database cannot even compare it (a 500)
        return not_found(request)
    minutes = meetings.public_published_minutes_in().filter(meeting_id=pk).values_list("pk", flat=True).first()
    if minutes is None:
        minutes = meetings.public_unpublished_minutes_in().filter(meeting_id=pk).values_list("pk", flat=True).first()
    return object_answer(request, MINUTES, minutes or 0)


def attachment_detail(request: HttpRequest, pk: int) -> JsonResponse:
    return object_answer(request, ATTACHMENTS, pk)


def letter_detail(request: HttpRequest, pk: int) -> JsonResponse:
    return object_answer(request, LETTERS, pk)


def document_detail(request: HttpRequest, pk: int) -> JsonResponse:
    return object_answer(request, DOCUMENTS, pk)
