"""Municipalities and their councils: board decisions, kommissorium and purposes, rules of procedure, terms,
committees, a room, seats, persons and memberships (the councils and membership apps' tables)."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from raad.councils.models import (
    BoardDecision,
    Council,
    Municipality,
    Purpose,
    Room,
    RulesOfProcedure,
    Term,
    TermsOfReference,
)
from raad.councils.presets import PRESETS
from raad.councils.presets.values import split_settings
from raad.membership.models import Membership, Person, Seat
from raad.statements.models import Committee

from . import text
from .tiers import COMMITTEES, COUNCIL_KINDS, PURPOSES, SEATS
from .writer import Writer

COUNCIL_NAMES = {
    "integration": "Integrationsrådet",
    "disability": "Handicaprådet",
    "elderly": "Ældrerådet",
    "youth": "Ungerådet",
}
COMMITTEE_NAMES = [
    "Økonomiudvalget",
    "Social- og Sundhedsudvalget",
    "Børne- og Skoleudvalget",
    "Beskæftigelsesudvalget",
    "Kultur- og Fritidsudvalget",
][:COMMITTEES]
PURPOSE_TITLES = [
    "Rådet rådgiver kommunalbestyrelsen",
    "Rådet skaber dialog med borgerne",
    "Rådet følger kommunens indsatser",
][:PURPOSES]


@dataclass
class CouncilData:
    """One generated council and what the other builders hang on it."""

    council: Council
    number: int  # 0, 1, 2 … across the whole installation
    purposes: list[Purpose]
    terms: list[Term]
    room: Room
    committees: list[Committee]
    member_names: dict[int, list[str]] = field(default_factory=dict)  # term pk → names, seat order
    members: dict[int, list[Membership]] = field(default_factory=dict)  # term pk → memberships, seat order

    def term_on(self, day: datetime.date) -> Term:
        for term in self.terms:
            if term.starts_on <= day <= term.ends_on:
                return term
        return self.terms[-1]


def election_terms(first_year: int, last_year: int) -> list[tuple[datetime.date, datetime.date]]:
    """The four-year municipal election periods (2022–2025, 2026–2029 …) covering the years."""
    start = first_year - (first_year - 2022) % 4
    terms = []
    while start <= last_year:
        terms.append((datetime.date(start, 1, 1), datetime.date(start + 3, 12, 31)))
        start += 4
    return terms


def build_municipality(
    w: Writer,
    rng: random.Random,
    *,
    number: int,
    first_council_no: int,
    first_year: int,
    last_year: int,
    today: datetime.date,
) -> list[CouncilData]:
    """Municipality `number` (1 …, named "Kommune 001"; no list of the real ones is in the repository, so the
    names are invented) with its four councils, their kommissorium, rules, terms, seats and members."""
    code = f"S{number:03d}"  # real municipality codes are digits: these never clash with a real one
    municipality = w.create([Municipality(name=f"Kommune {number:03d}", code=code)])[0]
    first_day = datetime.date(first_year, 1, 1)
    committees = w.create(
        [
            Committee(municipality=municipality, name=n, email=f"udvalg{i}@{code.lower()}.invalid")
            for i, n in enumerate(COMMITTEE_NAMES)
        ]
    )
    room = w.create(
        [
            Room(
                municipality=municipality,
                name="Rådhuset, mødelokale 1",
                address=f"Torvet {number}, {code}",
                capacity=40,
                step_free=True,
                hearing_loop=True,
            )
        ]
    )[0]
    established = w.create(
        [
            BoardDecision(
                municipality=municipality,
                decided_on=first_day - datetime.timedelta(days=60),
                reference=f"KB {first_year - 1}-{i + 1}",
                title=f"{COUNCIL_NAMES[kind]} oprettes",
            )
            for i, kind in enumerate(COUNCIL_KINDS)
        ]
    )
    councils = w.create(
        [
            Council(
                municipality=municipality,
                slug=f"{code.lower()}-{kind}",
                kind=kind,
                name=f"{COUNCIL_NAMES[kind]} i Kommune {number:03d}",
                established_by=decision,
                secretariat_unit="Borgerservice, sekretariatet",
                contact_email=f"{kind}@{code.lower()}.invalid",
                contact_phone="70 00 00 00",
            )
            for kind, decision in zip(COUNCIL_KINDS, established, strict=True)
        ]
    )
    terms_of_reference = w.create(
        [
            TermsOfReference(
                council=c,
                introduction=text.paragraph(rng, 50),
                legal_basis="Generated test data.",
                approved_on=first_day - datetime.timedelta(days=30),
            )
            for c in councils
        ]
    )
    purposes = w.create(
        [
            Purpose(terms_of_reference=t, number=i + 1, title=title, description=text.paragraph(rng, 30))
            for t in terms_of_reference
            for i, title in enumerate(PURPOSE_TITLES)
        ]
    )
    settings, _examples = split_settings(PRESETS["holbaek"]["rules"]["settings"])
    settings = {**settings, "meetings_public": True}
    rules_decisions = w.create(
        [
            BoardDecision(
                municipality=municipality,
                decided_on=first_day - datetime.timedelta(days=20),
                reference=f"KB {first_year - 1}-F{i + 1}",
                title="Forretningsorden vedtages",
            )
            for i in range(len(councils))
        ]
    )
    w.create(
        [
            RulesOfProcedure(
                council=c,
                version=1,
                in_force_from=first_day,
                adopted_on=d.decided_on,
                decision=d,
                change_summary="Første forretningsorden.",
                **settings,
            )
            for c, d in zip(councils, rules_decisions, strict=True)
        ]
    )
    periods = election_terms(first_year, last_year)
    terms = w.create(
        [
            Term(council=c, name=f"Valgperiode {s.year}–{e.year}", starts_on=s, ends_on=e)
            for c in councils
            for s, e in periods
        ]
    )
    seats = w.create([Seat(council=c, number=n, kind=Seat.Kind.DIRECT) for c in councils for n in range(1, SEATS + 1)])
    appointments = w.create(
        [
            BoardDecision(
                municipality=municipality,
                decided_on=max(s, first_day) - datetime.timedelta(days=10),
                reference=f"KB {s.year}-U{i + 1}",
                title="Udpegning af medlemmer",
            )
            for i, (s, _e) in enumerate(periods)
        ]
    )
    people: list[Person] = []
    memberships: list[Membership] = []
    for term in terms:
        council_seats = [s for s in seats if s.council_id == term.council_id]
        appointment = appointments[[p[0] for p in periods].index(term.starts_on)]
        for seat in council_seats:
            first, last = text.person_name(rng)
            person = Person(
                first_name=first, last_name=last, city=f"Kommune {number:03d}", resides_in_municipality=True
            )
            people.append(person)
            role = {1: Membership.Role.CHAIR, 2: Membership.Role.VICE_CHAIR}.get(seat.number, Membership.Role.MEMBER)
            ended = term.ends_on < today
            memberships.append(
                Membership(
                    person=person,
                    seat=seat,
                    term=term,
                    appointment=appointment,
                    role=role,
                    starts_on=max(term.starts_on, first_day),
                    ends_on=term.ends_on if ended else None,
                    end_reason=Membership.EndReason.TERM_ENDED if ended else "",
                )
            )
    w.create(people)
    for m in memberships:
        m.person_id = m.person.pk
    w.create(memberships)
    result = []
    for i, council in enumerate(councils):
        data = CouncilData(
            council=council,
            number=first_council_no + i,
            purposes=[p for p in purposes if p.terms_of_reference_id == terms_of_reference[i].pk],
            terms=[t for t in terms if t.council_id == council.pk],
            room=room,
            committees=committees,
        )
        for m in memberships:
            if m.seat.council_id == council.pk:
                data.member_names.setdefault(m.term_id, []).append(f"{m.person.first_name} {m.person.last_name}")
                data.members.setdefault(m.term_id, []).append(m)
        result.append(data)
    return result
