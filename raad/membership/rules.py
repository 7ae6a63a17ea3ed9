"""Composition rules (R2, R6) as pure functions fed by the rules of procedure in force."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from raad.councils.rules import Violation, reference


@dataclass(frozen=True)
class Limits:
    max_members: int
    max_nominated_seats: int
    max_direct_seats: int
    max_board_member_seats: int
    residence_required: bool


@dataclass(frozen=True)
class Sitting:
    """A membership in force: who sits on which seat, of which kind."""

    person_id: int
    seat_id: int
    seat_kind: str


@dataclass(frozen=True)
class Proposal:
    person_id: int
    person_name: str
    seat_id: int
    seat_kind: str
    resides_in_municipality: bool
    starts_on: datetime.date
    term_starts_on: datetime.date
    term_ends_on: datetime.date


_KIND_LIMIT = {
    "nominated": ("max_nominated_seats", "Rådet har allerede %(n)s medlemmer udpeget efter indstilling"),
    "direct": ("max_direct_seats", "Rådet har allerede %(n)s direkte udpegede medlemmer"),
    "board_member": ("max_board_member_seats", "Rådet har allerede %(n)s medlemmer fra kommunalbestyrelsen"),
}


def appointment_violations(limits: Limits, sitting: Sequence[Sitting], proposal: Proposal) -> list[Violation]:
    """Why appointing `proposal` on top of `sitting` would break the rules of procedure (empty: it may)."""
    found: list[Violation] = []
    if len(sitting) >= limits.max_members:
        found.append(
            Violation(
                "seat",
                _("Rådet har allerede %(n)s medlemmer (%(ref)s).")
                % {"n": len(sitting), "ref": reference("max_members")},
            )
        )
    field, message = _KIND_LIMIT[proposal.seat_kind]
    same_kind = sum(1 for s in sitting if s.seat_kind == proposal.seat_kind)
    if same_kind >= getattr(limits, field):
        found.append(Violation("seat", _(message) % {"n": same_kind} + f" ({reference(field)})."))
    if any(s.seat_id == proposal.seat_id for s in sitting):
        found.append(Violation("seat", _("Pladsen er allerede besat.")))
    if any(s.person_id == proposal.person_id for s in sitting):
        found.append(
            Violation("person", _("%(name)s sidder allerede i rådet på en anden plads.") % {"name": proposal.person_name})
        )
    if limits.residence_required and not proposal.resides_in_municipality:
        found.append(
            Violation(
                "person",
                _("%(name)s har ikke bopæl i kommunen (%(ref)s).")
                % {"name": proposal.person_name, "ref": reference("residence_required")},
            )
        )
    if not proposal.term_starts_on <= proposal.starts_on <= proposal.term_ends_on:
        found.append(Violation("starts_on", _("Udpegningen ligger uden for valgperioden.")))
    return found
