"""Local media's public outputs for the leak test (raad/testing/public_outputs.py): a sent press release is on
the press page; a draft, a release the forperson approved but nobody sent, the internal note, the media list's
addresses and the coverage log never appear (the unsent ones answer 404)."""

from __future__ import annotations

from django.urls import reverse

from raad.community.services import media as services
from raad.testing.public_outputs import PublicOutputs

from .vm_helpers import outlet, release, today

SECRETS = [
    "KLADDE-PRESSEMEDDELELSE",
    "GODKENDT-IKKE-SENDT",
    "INTERN-PRESSE-NOTE",
    "redaktion@isefjordsposten.invalid",
    "INTERN-MEDIEOMTALE",
    "030390-5678",
]


def build(cast) -> PublicOutputs:
    council, secretary, chair = cast.council, cast.secretary, cast.users["forperson"]
    outlet(council, secretary)
    draft = release(council, secretary, title="KLADDE-PRESSEMEDDELELSE", body="KLADDE-PRESSEMEDDELELSE")
    approved = release(council, secretary, title="GODKENDT-IKKE-SENDT", body="GODKENDT-IKKE-SENDT")
    services.press_release_approve(release=approved, by=chair)
    sent = release(
        council,
        secretary,
        title="Rådet holder dialogaften",
        body="Alle er velkomne. Cpr 030390-5678.",
        internal_note="INTERN-PRESSE-NOTE",
    )
    services.press_release_approve(release=sent, by=chair)
    services.press_release_send(release=sent, by=secretary)
    services.coverage_record(
        council=council, outlet="Opdigtet Avis", published_on=today(), headline="INTERN-MEDIEOMTALE", by=secretary
    )
    listing = reverse("community:press_public", args=[council.slug])
    detail = reverse("community:press_release", args=[council.slug, sent.pk])
    return PublicOutputs(
        public=[listing, detail, "/en" + listing, "/en" + detail, "/ar" + detail],
        hidden=[reverse("community:press_release", args=[council.slug, r.pk]) for r in (draft, approved)],
        secrets=SECRETS,
        shown={listing: ["Rådet holder dialogaften"], detail: ["Alle er velkomne."]},
    )
