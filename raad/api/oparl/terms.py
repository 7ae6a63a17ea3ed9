"""LegislativeTerm: a council's term (valgperiode)."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse

from raad.councils import selectors as councils
from raad.councils.models import Term

from .common import Source, day, list_page, object_answer, stamps, type_of, url


def legislative_term(term: Term) -> dict:
    return {
        "id": url("legislative_term", term.pk),
        "type": type_of("LegislativeTerm"),
        "body": url("body", term.council.municipality_id),
        "name": f"{term.council.name}: {term.name}",
        "startDate": day(term.starts_on),
        "endDate": day(term.ends_on),
        **stamps(term),
    }


TERMS = Source(
    type="LegislativeTerm",
    rows=councils.public_terms,
    serialize=legislative_term,
    object_url=lambda t: url("legislative_term", t.pk),
)


def term_list(request: HttpRequest, pk: int) -> JsonResponse:
    return list_page(request, url("body_legislative_terms", pk), [TERMS], pk)


def term_detail(request: HttpRequest, pk: int) -> JsonResponse:
    return object_answer(request, TERMS, pk)
