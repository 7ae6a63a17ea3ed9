"""Organization: each council (a "Gremium", with its memberships on the public roster today and the external
list of its meetings), and the municipality's committees that consult it (the committees that occur in its
published statements; their meetings are the municipality's, not ours)."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse

from raad.councils import selectors as councils
from raad.councils.models import Council
from raad.membership import selectors as membership
from raad.statements import selectors as statements
from raad.statements.models import Committee

from .common import Source, compact, day, list_page, object_answer, stamps, type_of, url, web


def _councils(body_id: int | None):
    qs = councils.public_councils().prefetch_related(membership.public_seat_memberships()).order_by("pk")
    return qs if body_id is None else qs.filter(municipality_id=body_id)


def council_organization(council: Council) -> dict:
    sitting = sorted(m.pk for seat in council.seats.all() for m in seat.public_memberships)
    return compact(
        {
            "id": url("organization_council", council.pk),
            "type": type_of("Organization"),
            "body": url("body", council.municipality_id),
            "name": council.name,
            "shortName": council.slug,
            "organizationType": "Gremium",
            "classification": str(council.get_kind_display()),
            "endDate": day(council.archived_at),
            "meeting": url("organization_council_meetings", council.pk),
            "membership": [url("membership", pk) for pk in sitting],
            "web": web(council.get_absolute_url()),
            **stamps(council),
        }
    )


def committee_organization(committee: Committee) -> dict:
    return compact(
        {
            "id": url("organization_committee", committee.pk),
            "type": type_of("Organization"),
            "body": url("body", committee.municipality_id),
            "name": committee.name,
            "organizationType": "Gremium",
            "classification": str(Committee._meta.verbose_name),
            **stamps(committee),
        }
    )


COUNCILS = Source(
    type="Organization",
    rows=_councils,
    serialize=council_organization,
    object_url=lambda c: url("organization_council", c.pk),
)
COMMITTEES = Source(
    type="Organization",
    rows=statements.public_committees_in,
    serialize=committee_organization,
    object_url=lambda c: url("organization_committee", c.pk),
)


def organization_list(request: HttpRequest, pk: int) -> JsonResponse:
    return list_page(request, url("body_organizations", pk), [COUNCILS, COMMITTEES], pk)


def council_detail(request: HttpRequest, pk: int) -> JsonResponse:
    return object_answer(request, COUNCILS, pk)


def committee_detail(request: HttpRequest, pk: int) -> JsonResponse:
    return object_answer(request, COMMITTEES, pk)
