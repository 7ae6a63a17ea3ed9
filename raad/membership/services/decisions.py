"""Decisions: writes of membership (raad.membership.services.decisions)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core.errors import RuleViolation
from raad.core.models import User
from raad.councils.models import BoardDecision, Council, Term
from raad.councils.rules import Violation, reference
from raad.councils.selectors import rules_in_force
from raad.councils.services import board_decision_record
from raad.membership import notify
from raad.membership.models import (
    Membership,
    Nomination,
    NominationCall,
    Person,
    Seat,
)

from .appointments import member_appoint, substitute_appoint
from .bodies import person_create
from .common import _lock_council


@dataclass(frozen=True)
class CandidateData:
    first_name: str
    last_name: str
    email: str
    phone: str
    street_address: str
    postcode: str
    city: str


@dataclass(frozen=True)
class AppointmentLine:
    """One appointment in a board decision: a nominee (with their substitute) or a direct appointment."""

    seat: Seat
    nomination: Nomination | None = None
    person: Person | None = None
    new_person: CandidateData | None = None  # a direct appointee not yet known: created in the same transaction


@transaction.atomic
def appointment_decision_register(
    *,
    council: Council,
    term: Term,
    decided_on: datetime.date,
    meeting: str,
    reference_text: str,
    url: str = "",
    starts_on: datetime.date,
    lines: Sequence[AppointmentLine],
    by: User | None,
) -> BoardDecision:
    """Record the municipal board's appointment decision and make its members (R2), all or nothing."""
    _lock_council(council.pk)
    if not lines:
        raise RuleViolation([Violation("", _("Beslutningen skal udpege mindst ét medlem."))])
    decision = board_decision_record(
        municipality=council.municipality,
        decided_on=decided_on,
        reference=reference_text,
        title=_("Udpegning af medlemmer til %(council)s (%(meeting)s)") % {"council": council.name, "meeting": meeting},
        url=url,
        by=by,
    )
    procedure = rules_in_force(council, starts_on)
    violations: list[Violation] = []
    made: list[Membership] = []
    calls: set[int] = set()
    fresh = Nomination.objects.select_related("candidate", "substitute_candidate").in_bulk(
        [line.nomination.pk for line in lines if line.nomination is not None]
    )
    lines = [
        AppointmentLine(seat=line.seat, nomination=fresh[line.nomination.pk], person=line.person)
        if line.nomination is not None
        else line
        for line in lines
    ]
    for line in lines:
        prefix = _("Plads %(n)s") % {"n": line.seat.number}
        if line.new_person is not None:
            data = line.new_person
            line = AppointmentLine(
                seat=line.seat,
                person=person_create(
                    first_name=data.first_name,
                    last_name=data.last_name,
                    email=data.email,
                    phone=data.phone,
                    street_address=data.street_address,
                    postcode=data.postcode,
                    city=data.city,
                    municipality_code=council.municipality.code,
                    by=by,
                ),
            )
        person = line.nomination.candidate if line.nomination is not None else line.person
        if line.nomination is not None:
            calls.add(line.nomination.call_id)
            if line.nomination.candidate_confirmed_at is None:
                violations.append(
                    Violation("", f"{prefix}: " + _("%(name)s har ikke bekræftet indstillingen.") % {"name": person})
                )
                continue
        if line.seat.kind == Seat.Kind.NOMINATED and line.nomination is None:
            violations.append(
                Violation(
                    "",
                    f"{prefix}: "
                    + _("Pladsen besættes efter indstilling; vælg en indstillet kandidat (%(ref)s).")
                    % {"ref": reference("max_nominated_seats")},
                )
            )
            continue
        if person is None:
            violations.append(Violation("", f"{prefix}: " + _("Vælg en person.")))
            continue
        try:
            membership = member_appoint(
                person=person,
                seat=line.seat,
                term=term,
                decision=decision,
                starts_on=starts_on,
                nomination=line.nomination,
                by=by,
            )
        except RuleViolation as refused:
            violations += [Violation(getattr(v, "field", ""), f"{prefix}: {v}") for v in refused.violations]
            continue
        made.append(membership)
        nomination = line.nomination
        substitute_person = nomination.substitute_candidate if nomination is not None else None
        if (
            substitute_person is not None
            and nomination is not None
            and nomination.substitute_confirmed_at is not None
            and procedure.uses_substitutes
        ):
            try:
                substitute_appoint(
                    membership=membership,
                    person=substitute_person,
                    decision=decision,
                    starts_on=starts_on,
                    nomination=nomination,
                    by=by,
                )
            except RuleViolation as refused:
                violations += [Violation("", f"{prefix}: {v}") for v in refused.violations]
    if violations:
        raise RuleViolation(violations)
    if calls:
        NominationCall.objects.filter(pk__in=calls).update(decision=decision, decided_on=decided_on)
        Nomination.objects.filter(call_id__in=calls).exclude(
            status__in=[Nomination.Status.APPOINTED, Nomination.Status.WITHDRAWN]
        ).update(status=Nomination.Status.NOT_APPOINTED, decided_on=decided_on, updated_at=timezone.now())
    notify.appointment_letters(membership_ids=[m.pk for m in made])
    return decision
