"""Events and the directory of associations."""

from __future__ import annotations

import datetime

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Query, Router, Schema

from raad.community.models import Association, Event
from raad.community.selectors.associations import public_association, public_associations, public_contact
from raad.community.selectors.events import public_event, public_events
from raad.core import languages

from .common import (
    ID,
    MODIFIED_SINCE,
    PAGE_PARAMS,
    PAGE_QUERY,
    PAGE_SIZE_QUERY,
    YEAR,
    ApiError,
    check_params,
    link,
    not_found,
    paginate,
    set_last_modified,
    since,
)
from .councils import SLUG, council_or_404
from .schemas import Page

router = Router(tags=["events and associations"])

LANGUAGE = Query(
    None, max_length=10, description=gettext_lazy("Kun foreninger, der tilbyder dette sprog (da, en, ar, uk …)")
)


class EventOut(Schema):
    id: int
    council: str
    title: str
    description: str
    status: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    place: str
    address: str
    room: str
    accessibility_note: str
    languages: list[str]
    interpreters: str
    registration_required: bool
    capacity: int | None
    registration_deadline: datetime.datetime | None
    cancel_reason: str
    purposes: list[int]
    co_organisers: list[str]
    html_url: str
    created_at: datetime.datetime
    updated_at: datetime.datetime


class ContactOut(Schema):
    name: str
    email: str
    phone: str


class AssociationOut(Schema):
    id: int
    council: str
    name: str
    purpose: str
    activities: str
    languages: list[str]
    website: str
    contact: ContactOut | None
    html_url: str
    updated_at: datetime.datetime


def event_out(e: Event, slug: str) -> dict:
    return {
        "id": e.pk,
        "council": slug,
        "title": e.title,
        "description": e.description,
        "status": e.status,
        "starts_at": e.starts_at,
        "ends_at": e.ends_at,
        "place": e.place,
        "address": e.address,
        "room": e.room.name if e.room else "",
        "accessibility_note": e.accessibility_note,
        "languages": list(e.languages or []),
        "interpreters": e.interpreters,
        "registration_required": e.registration_required,
        "capacity": e.capacity,
        "registration_deadline": e.registration_deadline,
        "cancel_reason": e.cancel_reason,
        "purposes": sorted(p.number for p in e.purposes.all()),
        "co_organisers": sorted(a.name for a in e.co_organisers.all()),
        "html_url": link("community:event", slug, e.pk),
        "created_at": e.created_at,
        "updated_at": e.updated_at,
    }


def association_out(a: Association, slug: str) -> dict:
    return {
        "id": a.pk,
        "council": slug,
        "name": a.name,
        "purpose": a.purpose,
        "activities": a.activities,
        "languages": list(a.languages or []),
        "website": a.website,
        "contact": public_contact(a),
        "html_url": link("community:association", slug, a.pk),
        "updated_at": a.updated_at,
    }


@router.get(
    "/councils/{slug}/events",
    response=Page[EventOut],
    summary=gettext_lazy("Arrangementer"),
    description=gettext_lazy(
        "Offentliggjorte og aflyste arrangementer, tidligere og kommende, sorteret efter id. Tilmeldinger vises aldrig."
    ),
)
def event_list(
    request: HttpRequest,
    response: HttpResponse,
    slug: str = SLUG,
    year: int | None = YEAR,
    page: int = PAGE_QUERY,
    page_size: int = PAGE_SIZE_QUERY,
    modified_since: datetime.datetime | None = MODIFIED_SINCE,
):
    check_params(request, ("year", *PAGE_PARAMS))
    council = council_or_404(slug)
    qs = since(public_events(council), modified_since)
    if year is not None:
        qs = qs.filter(starts_at__year=year)
    return paginate(
        request, response, qs, page=page, page_size=page_size, serialize=lambda e: event_out(e, council.slug)
    )


@router.get("/councils/{slug}/events/{event_id}", response=EventOut, summary=gettext_lazy("Ét arrangement"))
def event_detail(request: HttpRequest, response: HttpResponse, slug: str = SLUG, event_id: int = ID):
    check_params(request, ())
    council = council_or_404(slug)
    event = public_event(council, event_id)
    if event is None:
        raise not_found()
    set_last_modified(response, [event.updated_at])
    return event_out(event, council.slug)


@router.get(
    "/councils/{slug}/associations",
    response=Page[AssociationOut],
    summary=gettext_lazy("Foreninger"),
    description=gettext_lazy(
        "Foreningerne i rådets foreningsoversigt, sorteret efter id; en kontaktperson kun med vedkommendes samtykke."
    ),
)
def association_list(
    request: HttpRequest,
    response: HttpResponse,
    slug: str = SLUG,
    language: str | None = LANGUAGE,
    page: int = PAGE_QUERY,
    page_size: int = PAGE_SIZE_QUERY,
    modified_since: datetime.datetime | None = MODIFIED_SINCE,
):
    check_params(request, ("language", *PAGE_PARAMS))
    if language is not None and language not in languages.BY_CODE:
        raise ApiError(
            400,
            _("Ukendt sprogkode: %(code)s. Kendte koder: %(codes)s.")
            % {"code": language, "codes": ", ".join(languages.BY_CODE)},
        )
    council = council_or_404(slug)
    qs = since(public_associations(council, language=language or ""), modified_since)
    return paginate(
        request, response, qs, page=page, page_size=page_size, serialize=lambda a: association_out(a, council.slug)
    )


@router.get(
    "/councils/{slug}/associations/{association_id}", response=AssociationOut, summary=gettext_lazy("Én forening")
)
def association_detail(request: HttpRequest, response: HttpResponse, slug: str = SLUG, association_id: int = ID):
    check_params(request, ())
    council = council_or_404(slug)
    association = public_association(council, association_id)
    if association is None:
        raise not_found()
    set_last_modified(response, [association.updated_at])
    return association_out(association, council.slug)
