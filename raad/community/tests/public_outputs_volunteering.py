"""Volunteering's public outputs for the leak test (raad/testing/public_outputs.py): the public page shows today's
opportunity with the contact e-mail given for it; an opportunity that ended yesterday, one not started, the
internal note, the association's own contact and the council's internal contributions never appear."""

from __future__ import annotations

import datetime

from django.urls import reverse

from raad.community.models import VolunteeringContribution
from raad.community.services import volunteering as services
from raad.testing.public_outputs import PublicOutputs

from .vm_helpers import association, opportunity, strategy_with_goal, today

SECRETS = [
    "UDLOEBET-FRIVILLIGJOB",
    "IKKE-STARTET-FRIVILLIGJOB",
    "INTERN-FRIVILLIG-NOTE",
    "foreningens-formand@skjult.invalid",
    "INTERNT-BIDRAG",
    "020290-4321",
]


def build(cast) -> PublicOutputs:
    council, secretary = cast.council, cast.secretary
    club = association(council, name="Frivilligforeningen (leak test)")
    club.contact_email = "foreningens-formand@skjult.invalid"
    club.save()
    _strategy, goal = strategy_with_goal(council, secretary)
    services.contribution_record(
        council=council,
        goal=goal,
        what="INTERNT-BIDRAG",
        done_on=today(),
        kind=VolunteeringContribution.Kind.OTHER,
        by=secretary,
    )
    opportunity(
        council,
        secretary,
        association=club,
        title="Frivillig i lektiecaféen",
        description="Hjælp med lektier. Cpr 020290-4321.",
        contact_email="lektiecafe@frivillig.invalid",
        internal_note="INTERN-FRIVILLIG-NOTE",
    )
    yesterday = today() - datetime.timedelta(days=1)
    opportunity(
        council,
        secretary,
        association=club,
        title="UDLOEBET-FRIVILLIGJOB",
        description="UDLOEBET-FRIVILLIGJOB",
        starts_on=yesterday - datetime.timedelta(days=30),
        ends_on=yesterday,
    )
    opportunity(
        council,
        secretary,
        association=club,
        title="IKKE-STARTET-FRIVILLIGJOB",
        description="IKKE-STARTET-FRIVILLIGJOB",
        starts_on=today() + datetime.timedelta(days=2),
    )
    page = reverse("community:volunteering_public", args=[council.slug])
    return PublicOutputs(
        public=[page, "/en" + page, "/ar" + page],
        secrets=SECRETS,
        shown={page: ["Frivillig i lektiecaféen", "lektiecafe@frivillig.invalid", "Hjælp med lektier."]},
    )
