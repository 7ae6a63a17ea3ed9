"""Paper and Consultation: each published statement is a Paper (its letter the main file, the documents of the
consultation it answers the auxiliary files); its Consultation is the council's adoption of it, at a meeting
when an open agenda item adopted it. Drafts and statements not yet published never appear."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse

from raad.statements import selectors as statements
from raad.statements.models import Statement

from .common import Source, compact, day, list_page, object_answer, stamps, type_of, url, web
from .files import document_file, letter_file


def consultation_object(statement: Statement) -> dict:
    item = statements.public_meeting_item(statement)  # the adopting decision's item when it is open
    return compact(
        {
            "id": url("consultation", statement.pk),
            "type": type_of("Consultation"),
            "paper": url("paper", statement.pk),
            "agendaItem": url("agenda_item", item.pk) if item is not None else None,
            "meeting": url("meeting", item.meeting_id) if item is not None else None,
            "organization": [url("organization_council", statement.council_id)],
            "authoritative": True,
            "role": str(statement.get_adoption_route_display()) if statement.adoption_route else None,
            **stamps(statement),
        }
    )


def paper_object(statement: Statement) -> dict:
    consultation = statement.consultation
    documents = list(consultation.documents.all()) if consultation is not None else []
    if consultation is not None and consultation.council_id == statement.council_id:
        consultation.council = statement.council  # loaded already: no query per document
    for document in documents:
        document.consultation = consultation
    receivers = [statement.recipient_id] if statement.recipient_id else []
    return compact(
        {
            "id": url("paper", statement.pk),
            "type": type_of("Paper"),
            "body": url("body", statement.council.municipality_id),
            "name": statement.title,
            "reference": statement.case_number or (consultation.case_number if consultation else ""),
            "date": day(statement.adopted_on),
            "paperType": str(statement.get_kind_display()),
            "mainFile": letter_file(statement) if statement.letter else None,
            "auxiliaryFile": [document_file(d) for d in documents],
            "originatorOrganization": [url("organization_council", statement.council_id)],
            "underDirectionOf": [url("organization_committee", pk) for pk in receivers],
            "consultation": [consultation_object(statement)],
            "web": web(statement.get_absolute_url()),
            **stamps(statement),
        }
    )


PAPERS = Source(
    type="Paper", rows=statements.public_statements_in, serialize=paper_object, object_url=lambda s: url("paper", s.pk)
)
CONSULTATIONS = Source(
    type="Consultation",
    rows=statements.public_statements_in,
    serialize=consultation_object,
    object_url=lambda s: url("consultation", s.pk),
)


def paper_list(request: HttpRequest, pk: int) -> JsonResponse:
    return list_page(request, url("body_papers", pk), [PAPERS], pk)


def paper_detail(request: HttpRequest, pk: int) -> JsonResponse:
    return object_answer(request, PAPERS, pk)


def consultation_list(request: HttpRequest, pk: int) -> JsonResponse:
    return list_page(request, url("body_consultations", pk), [CONSULTATIONS], pk)


def consultation_detail(request: HttpRequest, pk: int) -> JsonResponse:
    return object_answer(request, CONSULTATIONS, pk)
