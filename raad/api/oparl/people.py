"""Person and Membership: the people on the councils' public rosters, with what the roster shows (R31: name,
seat and role; no address, e-mail, telephone, bio or photo). A membership that has ended, and a person who is on
no roster any more, are deleted objects."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest, JsonResponse
from django.urls import reverse

from raad.membership import selectors as membership
from raad.membership.models import Membership, Person

from .common import Source, list_page, object_answer, stamps, type_of, url, web


def membership_object(m: Membership) -> dict:
    return {
        "id": url("membership", m.pk),
        "type": type_of("Membership"),
        "person": url("person", m.person_id),
        "organization": url("organization_council", m.seat.council_id),
        "role": str(m.get_role_display()),
        "votingRight": True,
        **stamps(m),
    }


def _members(body_id: int | None):
    sitting = membership.public_memberships(body_id)
    return membership.public_members(body_id).prefetch_related(
        Prefetch("memberships", queryset=sitting, to_attr="public_memberships")
    )


def person_object(person: Person) -> dict:
    sitting = person.public_memberships
    council = sitting[0].seat.council
    return {
        "id": url("person", person.pk),
        "type": type_of("Person"),
        "body": url("body", council.municipality_id),
        "name": str(person),
        "givenName": person.first_name,
        "familyName": person.last_name,
        "membership": [membership_object(m) for m in sitting],
        "web": web(reverse("portal:members", args=[council.slug])),
        **stamps(person, modified="changed_at"),
    }


PERSONS = Source(
    type="Person",
    rows=_members,
    gone=membership.public_former_members,
    serialize=person_object,
    object_url=lambda p: url("person", p.pk),
    modified="changed_at",
)
MEMBERSHIPS = Source(
    type="Membership",
    rows=membership.public_memberships,
    gone=membership.public_former_memberships,
    serialize=membership_object,
    object_url=lambda m: url("membership", m.pk),
)


def person_list(request: HttpRequest, pk: int) -> JsonResponse:
    return list_page(request, url("body_persons", pk), [PERSONS], pk)


def person_detail(request: HttpRequest, pk: int) -> JsonResponse:
    return object_answer(request, PERSONS, pk)


def membership_list(request: HttpRequest, pk: int) -> JsonResponse:
    return list_page(request, url("body_memberships", pk), [MEMBERSHIPS], pk)


def membership_detail(request: HttpRequest, pk: int) -> JsonResponse:
    return object_answer(request, MEMBERSHIPS, pk)
