"""The result of a direct election among citizens (the ældreråd, retssikkerhedsloven § 30): writes of
membership (raad.membership.services.direct_elections).

The elected candidates become members (on the council's directly filled seats, from the first day of the
term given); the next candidates are the substitutes in vote order. All or nothing."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from raad.core import audit
from raad.core.errors import RuleViolation
from raad.core.models import User
from raad.core.redaction import mask_cpr
from raad.core.text import clean_text
from raad.councils.models import Council, Term
from raad.councils.rules import Violation
from raad.councils.services import ensure_not_archived
from raad.membership.models import DirectElection, DirectElectionCandidate, Membership, Seat

from .bodies import person_create, seat_create
from .common import _lock_council
from .decisions import AppointmentLine, appointment_decision_register


@dataclass(frozen=True)
class CandidateResult:
    """One line of the result as the count gave it: a candidate's name and votes."""

    name: str
    votes: int


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def direct_election_violations(
    *, seats: int, candidates: Sequence[CandidateResult], held_on: datetime.date, term: Term, starts_on: datetime.date
) -> list[Violation]:
    """Everything wrong with a result before anything is written (no query)."""
    found: list[Violation] = []
    if not candidates:
        found.append(Violation("candidates", _("Skriv mindst én kandidat.")))
    seen: set[str] = set()
    for number, line in enumerate(candidates, start=1):
        name = " ".join(line.name.split())
        if not name:
            found.append(Violation("candidates", _("Linje %(n)s: skriv kandidatens navn.") % {"n": number}))
        elif _name_key(name) in seen:
            found.append(
                Violation("candidates", _("Linje %(n)s: %(name)s står der allerede.") % {"n": number, "name": name})
            )
        seen.add(_name_key(name))
        if isinstance(line.votes, bool) or not isinstance(line.votes, int) or line.votes < 0:
            found.append(
                Violation(
                    "candidates",
                    _("Linje %(n)s: stemmetallet skal være et helt tal, 0 eller derover.") % {"n": number},
                )
            )
    if seats < 1:
        found.append(Violation("seats", _("Der skal være mindst én plads på valg.")))
    elif candidates and seats > len(candidates):
        found.append(
            Violation(
                "seats",
                _("Der er %(seats)s pladser på valg, men kun %(n)s kandidater.")
                % {"seats": seats, "n": len(candidates)},
            )
        )
    if starts_on < held_on:
        found.append(Violation("starts_on", _("Medlemskabet kan ikke begynde før valgdagen.")))
    if not term.starts_on <= starts_on <= term.ends_on:
        found.append(Violation("starts_on", _("Første dag skal ligge i valgperioden.")))
    return found


def _ranked(candidates: Sequence[CandidateResult]) -> list[CandidateResult]:
    """Most votes first; equal votes keep the order given (the order the count settled, e.g. by lot)."""
    return sorted(candidates, key=lambda c: -c.votes)


def _free_direct_seats(council: Council, term: Term, starts_on: datetime.date, needed: int, by: User | None) -> list:
    taken = set(
        Membership.objects.filter(seat__council=council, term=term)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on))
        .values_list("seat_id", flat=True)
    )
    seats = list(
        Seat.objects.filter(council=council, kind=Seat.Kind.DIRECT, retired_on__isnull=True).order_by("number")
    )
    free = [seat for seat in seats if seat.pk not in taken][:needed]
    highest = Seat.objects.filter(council=council).order_by("-number").values_list("number", flat=True).first() or 0
    while len(free) < needed:  # the seats the election fills, created as the result needs them
        highest += 1
        free.append(seat_create(council=council, number=highest, kind=Seat.Kind.DIRECT, by=by))
    return free


@transaction.atomic
def direct_election_record(
    *,
    council: Council,
    term: Term,
    held_on: datetime.date,
    seats: int,
    candidates: Sequence[CandidateResult],
    reference_text: str,
    starts_on: datetime.date,
    by: User | None,
) -> DirectElection:
    """Record a direct election's result: the elected candidates become members, the rest substitutes in
    vote order. Checks everything first; a refused result writes nothing."""
    council = _lock_council(council.pk)
    ensure_not_archived(council)
    violations = direct_election_violations(
        seats=seats, candidates=candidates, held_on=held_on, term=term, starts_on=starts_on
    )
    if term.council_id != council.pk:
        violations.append(Violation("term", _("Valgperioden hører til et andet råd.")))
    reference_text = clean_text(reference_text)
    if not reference_text:
        violations.append(Violation("reference_text", _("Skriv en reference til valgresultatet.")))
    if violations:
        raise RuleViolation(violations)
    ranked = _ranked([CandidateResult(" ".join(c.name.split()), c.votes) for c in candidates])
    elected = ranked[:seats]
    lines, people = [], []
    for seat, line in zip(_free_direct_seats(council, term, starts_on, seats, by), elected, strict=True):
        first, _space, last = mask_cpr(line.name).rpartition(" ")
        person = person_create(
            first_name=first or last, last_name=last if first else "", resides_in_municipality=True, by=by
        )
        lines.append(AppointmentLine(seat=seat, person=person))
        people.append(person)
    decision = appointment_decision_register(
        council=council,
        term=term,
        decided_on=held_on,
        meeting=_("valgresultat for valget %(date)s") % {"date": held_on.strftime("%d.%m.%Y")},
        reference_text=reference_text,
        starts_on=starts_on,
        lines=lines,
        by=by,
    )
    memberships = {m.person_id: m for m in Membership.objects.filter(appointment=decision).select_related("person")}
    election = DirectElection.objects.create(
        council=council, term=term, held_on=held_on, seats=seats, decision=decision, recorded_by=by
    )
    DirectElectionCandidate.objects.bulk_create(
        DirectElectionCandidate(
            election=election,
            position=position,
            name=mask_cpr(line.name),
            votes=line.votes,
            outcome=DirectElectionCandidate.Outcome.ELECTED
            if position <= seats
            else DirectElectionCandidate.Outcome.SUBSTITUTE,
            membership=memberships.get(people[position - 1].pk) if position <= seats else None,
        )
        for position, line in enumerate(ranked, start=1)
    )
    audit.record(
        actor=by,
        verb="direct_election.recorded",
        target=election,
        council_id=council.pk,
        changes=audit.created(
            held_on=held_on,
            seats=seats,
            elected=[c.name for c in elected],
            substitutes=[c.name for c in ranked[seats:]],
            votes={c.name: c.votes for c in ranked},
        ),
    )
    return election
