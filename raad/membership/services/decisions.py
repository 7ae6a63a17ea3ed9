"""Decisions: writes of membership (raad.membership.services.decisions)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import audit
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
    Substitute,
)

from .appointments import (
    _appointed_entry,
    _check_appointment,
    _memberships_from,
    _nomination_violations,
    _substitute_entry,
    _substitute_violations,
)
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
    # Read once for every line: the rules, the council's memberships from `starts_on`, the nominations and
    # people as they are now. Each line is checked against the memberships before it plus the lines already
    # accepted, then everything is written together (a constant number of queries, whatever the count).
    procedure = rules_in_force(council, starts_on)
    relevant = _memberships_from(council, starts_on)
    violations: list[Violation] = []
    made: list[Membership] = []
    replaced: list[Membership] = []
    substitutes: list[Substitute] = []
    calls: set[int] = set()
    fresh = Nomination.objects.select_related("candidate", "substitute_candidate").in_bulk(
        [line.nomination.pk for line in lines if line.nomination is not None]
    )
    people = Person.objects.in_bulk([line.person.pk for line in lines if line.person is not None])
    lines = [
        AppointmentLine(seat=line.seat, nomination=fresh[line.nomination.pk], person=line.person)
        if line.nomination is not None
        else AppointmentLine(seat=line.seat, person=people[line.person.pk])
        if line.person is not None
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
        nomination = line.nomination
        person = nomination.candidate if nomination is not None else line.person
        if nomination is not None:
            calls.add(nomination.call_id)
            if nomination.candidate_confirmed_at is None:
                violations.append(
                    Violation("", f"{prefix}: " + _("%(name)s har ikke bekræftet indstillingen.") % {"name": person})
                )
                continue
        if line.seat.kind == Seat.Kind.NOMINATED and nomination is None:
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
        found, replacing = _check_appointment(
            council=council,
            person=person,
            seat=line.seat,
            term=term,
            decision=decision,
            starts_on=starts_on,
            procedure=procedure,
            relevant=relevant,
        )
        found += _nomination_violations(
            nomination, line.seat, withdrawn=nomination is not None and nomination.status == Nomination.Status.WITHDRAWN
        )
        if found:
            violations += [Violation(getattr(v, "field", ""), f"{prefix}: {v}") for v in found]
            continue
        membership = Membership(
            person=person, seat=line.seat, term=term, appointment=decision, starts_on=starts_on, nomination=nomination
        )
        made.append(membership)
        replaced += replacing
        # The next lines see this member, and no longer the continuing members it replaces (R4).
        relevant = [m for m in relevant if m not in replacing] + [membership]
        substitute_person = nomination.substitute_candidate if nomination is not None else None
        if (
            substitute_person is not None
            and nomination is not None
            and nomination.substitute_confirmed_at is not None
            and procedure.uses_substitutes
        ):
            refused = _substitute_violations(procedure, membership, substitute_person, has_substitute=False)
            if refused:
                violations += [Violation("", f"{prefix}: {v}") for v in refused]
                continue
            substitutes.append(
                Substitute(
                    membership=membership,
                    person=substitute_person,
                    appointment=decision,
                    starts_on=starts_on,
                    nomination=nomination,
                )
            )
    if violations:
        raise RuleViolation(violations)
    now = timezone.now()
    if replaced:
        Membership.objects.filter(pk__in=[m.pk for m in replaced]).update(
            ends_on=starts_on - datetime.timedelta(days=1), end_reason=Membership.EndReason.REPLACED, updated_at=now
        )
    Membership.objects.bulk_create(made)
    appointed = [m.nomination_id for m in made if m.nomination_id is not None]
    if appointed:
        Nomination.objects.filter(pk__in=appointed).update(
            status=Nomination.Status.APPOINTED, decided_on=decided_on, updated_at=now
        )
    Substitute.objects.bulk_create(substitutes)
    substitute_of = {s.membership.pk: s for s in substitutes}
    entries = []
    for membership in made:
        entries.append(_appointed_entry(membership, council_id=council.pk, by=by))
        if membership.pk in substitute_of:
            entries.append(_substitute_entry(substitute_of[membership.pk], by=by))
    audit.record_many(entries)
    if calls:
        NominationCall.objects.filter(pk__in=calls).update(decision=decision, decided_on=decided_on)
        Nomination.objects.filter(call_id__in=calls).exclude(
            status__in=[Nomination.Status.APPOINTED, Nomination.Status.WITHDRAWN]
        ).update(status=Nomination.Status.NOT_APPOINTED, decided_on=decided_on, updated_at=timezone.now())
    notify.appointment_letters(membership_ids=[m.pk for m in made])
    return decision
