"""Published statements and consultation responses, with the consultation they answer."""

from __future__ import annotations

import datetime

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy
from ninja import Query, Router, Schema

from raad.statements.models import Statement
from raad.statements.selectors import ArchiveFilters, public_statement, public_statements

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

KIND = Query(None, description=gettext_lazy("response (høringssvar) eller statement (udtalelse)"))

PURPOSE = Query(None, ge=1, le=99, description=gettext_lazy("Nummeret på et af kommissoriets formål"))

router = Router(tags=["statements"])


class ConsultationOut(Schema):
    id: int
    subject: str
    summary: str
    committee: str
    received_on: datetime.date
    deadline: datetime.date
    case_number: str
    link: str


class StatementOut(Schema):
    id: int
    council: str
    kind: str
    title: str
    case_number: str
    recipient: str
    purpose: int | None
    adopted_on: datetime.date | None
    adoption_route: str
    published_at: datetime.datetime | None
    consultation: ConsultationOut | None
    html_url: str
    created_at: datetime.datetime
    updated_at: datetime.datetime


class DocumentOut(Schema):
    id: int
    title: str
    size: int
    content_type: str
    url: str


class FollowUpOut(Schema):
    decided_on: datetime.date
    body: str
    decision: str
    how_used: str
    link: str


class StatementDetailOut(StatementOut):
    text: str
    version: int
    documents: list[DocumentOut]
    follow_ups: list[FollowUpOut]
    meeting: int | None


def consultation_out(c) -> dict | None:
    if c is None:
        return None
    return {
        "id": c.pk,
        "subject": c.subject,
        "summary": c.summary,
        "committee": c.committee.name if c.committee_id else "",
        "received_on": c.received_on,
        "deadline": c.deadline,
        "case_number": c.case_number,
        "link": c.link,
    }


def statement_out(s: Statement, slug: str) -> dict:
    return {
        "id": s.pk,
        "council": slug,
        "kind": s.kind,
        "title": s.title,
        "case_number": s.case_number,
        "recipient": s.recipient.name if s.recipient_id else "",
        "purpose": s.purpose.number if s.purpose_id else None,
        "adopted_on": s.adopted_on,
        "adoption_route": s.adoption_route,
        "published_at": s.published_at,
        "consultation": consultation_out(s.consultation),
        "html_url": link("statements:public_detail", slug, s.pk),
        "created_at": s.created_at,
        "updated_at": s.updated_at,
    }


@router.get(
    "/councils/{slug}/statements",
    response=Page[StatementOut],
    summary=gettext_lazy("Høringssvar og udtalelser"),
    description=gettext_lazy(
        "Offentliggjorte høringssvar og udtalelser, sorteret efter id. Udkast, kommentarer og vedtagne, men ikke offentliggjorte udtalelser vises aldrig."
    ),
)
def statement_list(
    request: HttpRequest,
    response: HttpResponse,
    slug: str = SLUG,
    year: int | None = YEAR,
    kind: Statement.Kind | None = KIND,
    purpose: int | None = PURPOSE,
    page: int = PAGE_QUERY,
    page_size: int = PAGE_SIZE_QUERY,
    modified_since: datetime.datetime | None = MODIFIED_SINCE,
):
    check_params(request, ("year", "kind", "purpose", *PAGE_PARAMS))
    council = council_or_404(slug)
    qs = since(public_statements(council, ArchiveFilters(year=year, kind=kind.value if kind else None)), modified_since)
    if purpose is not None:
        qs = qs.filter(purpose__number=purpose)
    return paginate(
        request, response, qs, page=page, page_size=page_size, serialize=lambda s: statement_out(s, council.slug)
    )


@router.get(
    "/councils/{slug}/statements/{statement_id}",
    response=StatementDetailOut,
    summary=gettext_lazy("Én udtalelse"),
    description=gettext_lazy(
        "En offentliggjort udtalelse: teksten som vedtaget (eller den seneste rettelse), høringens dokumenter, og hvad styrelsen eller udvalget gjorde med den."
    ),
)
def statement_detail(request: HttpRequest, response: HttpResponse, slug: str = SLUG, statement_id: int = ID):
    check_params(request, ())
    council = council_or_404(slug)
    try:
        found = public_statement(council, statement_id)
    except Statement.DoesNotExist:
        raise not_found() from None
    s = found.statement
    set_last_modified(response, [s.updated_at])
    return {
        **statement_out(s, council.slug),
        "text": found.text,
        "version": found.version_number,
        "documents": [
            {
                "id": d.pk,
                "title": d.title,
                "size": d.size,
                "content_type": d.content_type,
                "url": link("statements:public_document", council.slug, d.pk),
            }
            for d in found.documents
        ],
        "follow_ups": [
            {"decided_on": f.decided_on, "body": f.body, "decision": f.decision, "how_used": f.how_used, "link": f.link}
            for f in found.follow_ups
        ],
        "meeting": found.meeting_item.meeting_id if found.meeting_item is not None else None,
    }
