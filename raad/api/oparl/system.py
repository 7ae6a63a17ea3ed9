"""System (the entry point at /oparl/) and Body (one per municipality)."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest, JsonResponse

from raad.councils import selectors as councils
from raad.councils.models import Municipality

from .common import Source, compact, json_response, list_page, object_answer, stamps, type_of, url
from .terms import legislative_term


def system(request: HttpRequest) -> JsonResponse:
    return json_response(
        {
            "id": url("system"),
            "type": type_of("System"),
            "oparlVersion": "https://schema.oparl.org/1.1/",
            "name": "Råd",
            "body": url("bodies"),
            "website": url("system").removesuffix("oparl/"),
        }
    )


def _bodies(body_id: int | None):
    qs = councils.public_municipalities().prefetch_related(
        Prefetch("councils", queryset=councils.public_councils().prefetch_related("terms"))
    )
    return qs if body_id is None else qs.filter(pk=body_id)


def body(municipality: Municipality) -> dict:
    pk = municipality.pk
    # the councils' terms are prefetched, each with its council: no query per body
    terms = sorted((term for c in municipality.councils.all() for term in c.terms.all()), key=lambda t: t.pk)
    return compact(
        {
            "id": url("body", pk),
            "type": type_of("Body"),
            "system": url("system"),
            "name": municipality.name,
            "website": municipality.website,
            "organization": url("body_organizations", pk),
            "person": url("body_persons", pk),
            "meeting": url("body_meetings", pk),
            "paper": url("body_papers", pk),
            "agendaItem": url("body_agenda_items", pk),
            "consultation": url("body_consultations", pk),
            "file": url("body_files", pk),
            "locationList": url("body_locations", pk),
            "legislativeTermList": url("body_legislative_terms", pk),
            "membership": url("body_memberships", pk),
            **stamps(municipality),
        }
    ) | {"legislativeTerm": [legislative_term(term) for term in terms]}  # required, even when empty


BODY = Source(type="Body", rows=_bodies, serialize=body, object_url=lambda m: url("body", m.pk))


def body_list(request: HttpRequest) -> JsonResponse:
    return list_page(request, url("bodies"), [BODY], None)


def body_detail(request: HttpRequest, pk: int) -> JsonResponse:
    return object_answer(request, BODY, pk)
