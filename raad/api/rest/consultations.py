"""The council's public consultations (høringer): the requests of the board and the committees the council
answered with a published statement, with their deadline, the requesting committee and the answer."""

from __future__ import annotations

import datetime

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema

from raad.statements.models import Consultation
from raad.statements.selectors import public_consultation, public_consultation_answer, public_consultations

from .common import (
    ID,
    MODIFIED_SINCE,
    PAGE_PARAMS,
    PAGE_QUERY,
    PAGE_SIZE_QUERY,
    YEAR,
    check_params,
    link,
    not_found,
    paginate,
    set_last_modified,
    since,
)
from .councils import SLUG, council_or_404
from .schemas import Page
from .statements import DocumentOut

COMMITTEE = Query(None, ge=1, le=2**31 - 1, description=_("Kun høringer fra dette udvalg (dets id)"))

router = Router(tags=["statements"])


class ConsultationListOut(Schema):
    id: int
    council: str
    subject: str
    summary: str
    committee: str
    committee_id: int
    received_on: datetime.date
    deadline: datetime.date
    case_number: str
    link: str
    status: str
    answered_on: datetime.date | None
    statement: int | None
    statement_url: str | None
    created_at: datetime.datetime
    updated_at: datetime.datetime


class ConsultationDetailOut(ConsultationListOut):
    documents: list[DocumentOut]


def consultation_out(c: Consultation, slug: str) -> dict:
    answer = public_consultation_answer(c)
    return {
        "id": c.pk,
        "council": slug,
        "subject": c.subject,
        "summary": c.summary,
        "committee": c.committee.name,
        "committee_id": c.committee_id,
        "received_on": c.received_on,
        "deadline": c.deadline,
        "case_number": c.case_number,
        "link": c.link,
        "status": "answered_late" if answer is not None and answer.late else "answered",
        "answered_on": answer.answered_on if answer is not None else None,
        "statement": answer.statement.pk if answer is not None else None,
        "statement_url": link("statements:public_detail", slug, answer.statement.pk) if answer is not None else None,
        "created_at": c.created_at,
        "updated_at": c.updated_at,
    }


@router.get(
    "/councils/{slug}/consultations",
    response=Page[ConsultationListOut],
    summary=_("Høringer"),
    description=_(
        "Høringer, som rådet har besvaret med et offentliggjort høringssvar, sorteret efter id: emne, "
        "afsender, frist, status (answered eller answered_late) og svaret. En høring, der endnu ikke er "
        "besvaret offentligt, vises ikke."
    ),
)
def consultation_list(
    request: HttpRequest,
    response: HttpResponse,
    slug: str = SLUG,
    year: int | None = YEAR,
    committee: int | None = COMMITTEE,
    page: int = PAGE_QUERY,
    page_size: int = PAGE_SIZE_QUERY,
    modified_since: datetime.datetime | None = MODIFIED_SINCE,
):
    check_params(request, ("year", "committee", *PAGE_PARAMS))
    council = council_or_404(slug)
    qs = since(public_consultations(council, year=year, committee=committee), modified_since)
    return paginate(
        request, response, qs, page=page, page_size=page_size, serialize=lambda c: consultation_out(c, council.slug)
    )


@router.get(
    "/councils/{slug}/consultations/{consultation_id}",
    response=ConsultationDetailOut,
    summary=_("Én høring"),
    description=_("En offentlig høring med høringsmaterialet og det offentliggjorte svar."),
)
def consultation_detail(request: HttpRequest, response: HttpResponse, slug: str = SLUG, consultation_id: int = ID):
    check_params(request, ())
    council = council_or_404(slug)
    try:
        consultation = public_consultation(council, consultation_id)
    except Consultation.DoesNotExist:
        raise not_found() from None
    set_last_modified(response, [consultation.updated_at])
    return {
        **consultation_out(consultation, council.slug),
        "documents": [
            {
                "id": d.pk,
                "title": d.title,
                "size": d.size,
                "content_type": d.content_type,
                "url": link("statements:public_document", council.slug, d.pk),
            }
            for d in consultation.documents.all()
        ],
    }
