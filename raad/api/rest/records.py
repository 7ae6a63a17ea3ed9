"""For the municipality's own systems, with a scoped token (`Authorization: Bearer raad_…`): the audit journal
(`journal:read`) and the record entries of consultations and statements (`cases:read`)."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Query, Router, Schema
from ninja.security import HttpBearer

from raad.api.models import ApiToken
from raad.api.selectors import journal_entries, token_by_secret
from raad.api.services.tokens import api_token_use
from raad.statements.selectors import record_entries

from .common import (
    MODIFIED_SINCE,
    PAGE_PARAMS,
    PAGE_QUERY,
    PAGE_SIZE_QUERY,
    ApiError,
    aware,
    check_params,
    paginate,
    since,
)
from .schemas import Page

SINCE = Query(None, alias="since", description=gettext_lazy("Kun poster fra dette tidspunkt og senere"))

CASE_NUMBER = Query(None, max_length=60)

router = Router(tags=["records (token)"])


class ScopedToken(HttpBearer):
    """A valid, unrevoked token that holds `scope`: 401 without one, 403 when it lacks the scope. Every accepted
    use is journalled."""

    def __init__(self, scope: str) -> None:
        super().__init__()
        self.scope = scope

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken:
        found = token_by_secret(token)
        if found is None:
            raise ApiError(401, _("Ukendt API-nøgle."))
        if found.revoked_at is not None:
            raise ApiError(401, _("API-nøglen er tilbagekaldt."))
        if self.scope not in found.scopes:
            raise ApiError(403, _("API-nøglen giver ikke adgang til %(scope)s.") % {"scope": self.scope})
        api_token_use(token=found, path=request.get_full_path())
        return found


class JournalEntryOut(Schema):
    id: int
    at: datetime.datetime
    actor: str
    verb: str
    target_type: str
    target_id: str
    target: str
    changes: dict[str, Any]


class RecordEntryOut(Schema):
    id: int
    case_number: str
    entry_date: datetime.date
    direction: str
    subject: str
    counterpart: str
    consultation: int | None
    statement: int | None
    updated_at: datetime.datetime


def _journal_out(e) -> dict:
    return {
        "id": e.pk,
        "at": e.at,
        "actor": e.actor_label,
        "verb": e.verb,
        "target_type": f"{e.target_type.app_label}.{e.target_type.model}" if e.target_type_id else "",
        "target_id": e.target_id,
        "target": e.target_label,
        "changes": e.changes or {},
    }


@router.get(
    "/journal",
    response=Page[JournalEntryOut],
    auth=ScopedToken("journal:read"),
    summary=gettext_lazy("Auditloggen"),
    description=gettext_lazy(
        "Auditloggen for nøglens råd, ældste først (efter id): hvem ændrede hvad, med personoplysninger maskeret, som de blev registreret. Kræver adgangen journal:read."
    ),
)
def journal(
    request: HttpRequest,
    response: HttpResponse,
    since_at: datetime.datetime | None = SINCE,
    page: int = PAGE_QUERY,
    page_size: int = PAGE_SIZE_QUERY,
):
    check_params(request, ("since", "page", "page_size"))
    qs = journal_entries(request.auth.council_id)
    if since_at is not None:
        qs = qs.filter(at__gte=aware(since_at))
    return paginate(request, response, qs, page=page, page_size=page_size, serialize=_journal_out)


def _record_out(r) -> dict:
    return {
        "id": r.pk,
        "case_number": r.case_number,
        "entry_date": r.entry_date,
        "direction": r.direction,
        "subject": r.subject,
        "counterpart": r.counterpart,
        "consultation": r.consultation_id,
        "statement": r.statement_id,
        "updated_at": r.updated_at,
    }


@router.get(
    "/cases",
    response=Page[RecordEntryOut],
    auth=ScopedToken("cases:read"),
    summary=gettext_lazy("Journalposter"),
    description=gettext_lazy(
        "Journalposterne (R29) for nøglens råd: indgående høringer og udgående udtalelser med sagsnummer, dato, retning og emne, sorteret efter id. Kræver adgangen cases:read."
    ),
)
def cases(
    request: HttpRequest,
    response: HttpResponse,
    case_number: str | None = CASE_NUMBER,
    page: int = PAGE_QUERY,
    page_size: int = PAGE_SIZE_QUERY,
    modified_since: datetime.datetime | None = MODIFIED_SINCE,
):
    check_params(request, ("case_number", *PAGE_PARAMS))
    qs = since(record_entries(request.auth.council), modified_since)
    if case_number:
        qs = qs.filter(case_number=case_number)
    return paginate(request, response, qs, page=page, page_size=page_size, serialize=_record_out)
