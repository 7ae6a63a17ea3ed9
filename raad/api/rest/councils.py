"""Councils and their members' public data (name, seat, nominating body, role; a bio only with consent, R31)."""

from __future__ import annotations

import datetime

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy
from ninja import Path, Router, Schema

from raad.councils.models import Council
from raad.councils.selectors import public_councils
from raad.membership.selectors import public_roster

from .common import check_params, link, not_found, set_last_modified

router = Router(tags=["councils"])

SLUG = Path(
    ...,
    max_length=50,
    pattern=r"^[-a-zA-Z0-9_]+$",
    description=gettext_lazy("Rådets kortnavn (slug), fx integrationsraadet"),
)


class MunicipalityOut(Schema):
    name: str
    code: str


class CouncilOut(Schema):
    slug: str
    name: str
    kind: str
    municipality: MunicipalityOut
    contact_email: str
    contact_phone: str
    contact_address: str
    html_url: str
    updated_at: datetime.datetime


class MemberOut(Schema):
    name: str
    seat_number: int
    seat_kind: str
    nominating_body: str
    role: str
    national_representative: bool
    bio: str


def council_or_404(slug: str) -> Council:
    council = public_councils().filter(slug=slug).first()
    if council is None:
        raise not_found()
    return council


def council_out(council: Council) -> dict:
    return {
        "slug": council.slug,
        "name": council.name,
        "kind": council.kind,
        "municipality": {"name": council.municipality.name, "code": council.municipality.code},
        "contact_email": council.contact_email,
        "contact_phone": council.contact_phone,
        "contact_address": council.contact_address,
        "html_url": link("portal:council", council.slug),
        "updated_at": council.updated_at,
    }


@router.get(
    "/councils",
    response=list[CouncilOut],
    summary=gettext_lazy("Rådene"),
    description=gettext_lazy("Alle råd, systemet driver, efter kortnavn."),
)
def council_list(request: HttpRequest, response: HttpResponse):
    check_params(request, ())
    councils = list(public_councils().order_by("slug"))
    set_last_modified(response, (c.updated_at for c in councils))
    return [council_out(c) for c in councils]


@router.get("/councils/{slug}", response=CouncilOut, summary=gettext_lazy("Ét råd"))
def council_detail(request: HttpRequest, response: HttpResponse, slug: str = SLUG):
    check_params(request, ())
    council = council_or_404(slug)
    set_last_modified(response, [council.updated_at])
    return council_out(council)


@router.get(
    "/councils/{slug}/members",
    response=list[MemberOut],
    summary=gettext_lazy("Medlemmer (offentlige oplysninger)"),
    description=gettext_lazy(
        "Medlemmerne i embede i dag efter pladsnummer: navn, plads, indstillende organisation og rolle; en biografi kun, hvor medlemmet har givet samtykke til, at den offentliggøres. Intet andet om en person er offentligt (R31)."
    ),
)
def member_list(request: HttpRequest, slug: str = SLUG):
    check_params(request, ())
    council = council_or_404(slug)
    return [
        {
            "name": m["name"],
            "seat_number": m["seat_number"],
            "seat_kind": str(m["seat_kind"]),
            "nominating_body": m["nominating_body"],
            "role": m["role"],
            "national_representative": m["national_representative"],
            "bio": m["bio"],
        }
        for m in public_roster(council)
    ]
