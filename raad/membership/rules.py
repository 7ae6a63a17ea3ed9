"""Composition rules (R2, R6) as pure functions fed by the rules of procedure in force."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from raad.councils.rules import Violation, reference


@dataclass(frozen=True)
class Limits:
    max_members: int
    max_nominated_seats: int
    max_direct_seats: int
    max_board_member_seats: int
    residence_required: bool
    min_members_warning: int = 0
    uses_substitutes: bool = True

    @classmethod
    def of(cls, procedure: Any) -> Limits:
        """The limits of one version of the rules of procedure (any object with those attributes)."""
        return cls(
            max_members=procedure.max_members,
            max_nominated_seats=procedure.max_nominated_seats,
            max_direct_seats=procedure.max_direct_seats,
            max_board_member_seats=procedure.max_board_member_seats,
            residence_required=procedure.residence_required,
            min_members_warning=procedure.min_members_warning,
            uses_substitutes=procedure.uses_substitutes,
        )


@dataclass(frozen=True)
class Sitting:
    """A membership in force: who sits on which seat, of which kind."""

    person_id: int
    seat_id: int
    seat_kind: str
    resides_in_municipality: bool = True
    flagged_moved_away: bool = False


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
    residence_unconfirmed: bool = False


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
            Violation(
                "person", _("%(name)s sidder allerede i rådet på en anden plads.") % {"name": proposal.person_name}
            )
        )
    if limits.residence_required and not proposal.resides_in_municipality and proposal.residence_unconfirmed:
        found.append(
            Violation(
                "person",
                _(
                    "%(name)s har et postnummer, der deles med en nabokommune; sekretariatet skal bekræfte "
                    "bopælen i kommunen først (%(ref)s)."
                )
                % {"name": proposal.person_name, "ref": reference("residence_required")},
            )
        )
    elif limits.residence_required and not proposal.resides_in_municipality:
        found.append(
            Violation(
                "person",
                _("%(name)s har ikke bopæl i kommunen (%(ref)s).")
                % {"name": proposal.person_name, "ref": reference("residence_required")},
            )
        )
    if not proposal.term_starts_on <= proposal.starts_on <= proposal.term_ends_on:
        found.append(
            Violation(
                "starts_on",
                _("Udpegningen ligger uden for valgperioden %(start)s–%(end)s (%(ref)s).")
                % {
                    "start": proposal.term_starts_on.strftime("%d.%m.%Y"),
                    "end": proposal.term_ends_on.strftime("%d.%m.%Y"),
                    "ref": reference("term_years"),
                },
            )
        )
    return found


def state_violations(limits: Limits, sitting: Sequence[Sitting]) -> list[str]:
    """Everything wrong with a composition as it stands (for invariants and the composition panel)."""
    found: list[str] = []
    if len(sitting) > limits.max_members:
        found.append(
            _("Rådet har %(n)s medlemmer, men højst %(max)s (%(ref)s).")
            % {"n": len(sitting), "max": limits.max_members, "ref": reference("max_members")}
        )
    for kind, (field, _message) in _KIND_LIMIT.items():
        count = sum(1 for s in sitting if s.seat_kind == kind)
        if count > getattr(limits, field):
            found.append(
                _("For mange medlemmer af typen %(kind)s: %(n)s, højst %(max)s (%(ref)s).")
                % {"kind": kind, "n": count, "max": getattr(limits, field), "ref": reference(field)}
            )
    seats = [s.seat_id for s in sitting]
    if len(seats) != len(set(seats)):
        found.append(_("En plads er besat af mere end én person."))
    people = [s.person_id for s in sitting]
    if len(people) != len(set(people)):
        found.append(_("En person sidder på mere end én plads."))
    # A member who has moved away is lawfully handled once flagged for termination (R25).
    if limits.residence_required and any(not s.resides_in_municipality and not s.flagged_moved_away for s in sitting):
        found.append(_("Et medlem har ikke bopæl i kommunen (%(ref)s).") % {"ref": reference("residence_required")})
    return found


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (the last day of the month where that day does not exist)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


# --- Nominations -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class NominationRequest:
    submitted_at: datetime.datetime
    deadline: datetime.datetime
    body_entitled: bool
    seat_open: bool
    candidate_residence: str  # residence.Residence value
    candidate_name: str
    duplicate: bool
    substitute_residence: str | None  # None: no substitute candidate given
    substitute_required: bool


def nomination_violations(limits: Limits, request: NominationRequest) -> list[Violation]:
    """Why a nomination cannot be received (empty: it can). A shared postcode is accepted and flagged."""
    found: list[Violation] = []
    if request.submitted_at > request.deadline:
        found.append(
            Violation(
                "",
                _("Fristen for indstillinger udløb %(deadline)s. Indstillingen kan ikke modtages.")
                % {"deadline": request.deadline.strftime("%d.%m.%Y %H:%M")},
            )
        )
    if not request.body_entitled:
        found.append(Violation("seat", _("Organisationen er ikke indstillingsberettiget til denne plads.")))
    elif not request.seat_open:
        found.append(Violation("seat", _("Indkaldelsen gælder ikke denne plads.")))
    if request.duplicate:
        found.append(
            Violation(
                "email", _("%(name)s er allerede indstillet i denne indkaldelse.") % {"name": request.candidate_name}
            )
        )
    if limits.residence_required and request.candidate_residence == "outside":
        found.append(
            Violation(
                "postcode",
                _("Kandidaten skal have bopæl i kommunen (%(ref)s). Postnummeret ligger uden for kommunen.")
                % {"ref": reference("residence_required")},
            )
        )
    if request.substitute_required and request.substitute_residence is None:
        found.append(
            Violation(
                "substitute_first_name",
                _("Forretningsordenen bruger personlige stedfortrædere (%(ref)s); angiv en stedfortræderkandidat.")
                % {"ref": reference("uses_substitutes")},
            )
        )
    if limits.residence_required and request.substitute_residence == "outside":
        found.append(
            Violation(
                "substitute_postcode",
                _("Stedfortræderkandidaten skal have bopæl i kommunen (%(ref)s).")
                % {"ref": reference("residence_required")},
            )
        )
    return found


# --- Elections -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoundResult:
    kind: str  # "elected", "new_round", "lot"
    winner: int | None
    next_candidates: tuple[int, ...]


def count_violations(*, voters_present: int, ballots: int, eligible: int) -> list[Violation]:
    """The count must fit the number of voters present, who cannot be more than the members."""
    found: list[Violation] = []
    if voters_present > eligible:
        found.append(
            Violation("voters_present", _("Der kan højst være %(n)s stemmeberettigede til stede.") % {"n": eligible})
        )
    if ballots > voters_present:
        found.append(
            Violation(
                "",
                _("Der er talt %(ballots)s stemmer, men kun %(present)s stemmeberettigede er til stede.")
                % {"ballots": ballots, "present": voters_present},
            )
        )
    return found


def round_result(
    counts: dict[int, int], *, majority: str, blank: int = 0, previous_round_tied: bool = False
) -> RoundResult:
    """The outcome of one round (R12): elected, a new round, or (on a second tie) a lot draw.

    `counts` maps candidate id to votes. Plurality: most votes wins. Absolute: more than half of the
    votes cast (blank votes not counted); without it, a new round between the leaders.
    """
    if not counts:
        return RoundResult("new_round", None, ())
    top = max(counts.values())
    leaders = tuple(sorted(c for c, v in counts.items() if v == top))
    if len(leaders) == 1:
        valid = sum(counts.values())
        if majority != "absolute" or top * 2 > valid:
            return RoundResult("elected", leaders[0], ())
        runners = [v for c, v in counts.items() if v < top]
        second = max(runners) if runners else 0
        return RoundResult("new_round", None, tuple(sorted(c for c, v in counts.items() if v in (top, second))))
    if previous_round_tied:
        return RoundResult("lot", None, leaders)
    return RoundResult("new_round", None, leaders)


# --- Composition panel -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CompositionStatus:
    lawful: bool
    members: int
    max_members: int
    problems: list[str]
    warnings: list[str]


def composition_status(
    limits: Limits,
    sitting: Sequence[Sitting],
    *,
    vacant_seats: Sequence[int],
    flagged: Sequence[str],
    has_chair: bool,
    has_vice_chair: bool,
    term_ends_on: datetime.date | None,
    today: datetime.date,
    calls_awaiting_board: int,
    needs_national_representative: bool = False,
    warn_days_before_term_end: int = 180,
) -> CompositionStatus:
    problems = state_violations(limits, sitting)
    warnings: list[str] = []
    if len(sitting) < limits.min_members_warning:
        warnings.append(
            _("Rådet har %(n)s medlemmer, færre end %(min)s (%(ref)s).")
            % {"n": len(sitting), "min": limits.min_members_warning, "ref": reference("min_members_warning")}
        )
    if vacant_seats:
        warnings.append(_("Ledige pladser: %(seats)s.") % {"seats": ", ".join(str(n) for n in vacant_seats)})
    for name in flagged:
        warnings.append(_("%(name)s er meldt fraflyttet og skal udtræde.") % {"name": name})
    if sitting and not has_chair:
        warnings.append(
            _("Rådet har ingen forperson; der skal holdes valg (%(ref)s).") % {"ref": reference("election_majority")}
        )
    if sitting and not has_vice_chair:
        warnings.append(
            _("Rådet har ingen næstforperson; der skal holdes valg (%(ref)s).")
            % {"ref": reference("election_majority")}
        )
    if sitting and needs_national_representative:
        warnings.append(
            _("Rådet har ikke valgt sin repræsentant til Det Nationale Integrationsråd (%(ref)s).")
            % {"ref": reference("elects_national_representative")}
        )
    if term_ends_on is None:
        warnings.append(_("Der er ingen valgperiode i dag."))
    elif (term_ends_on - today).days <= warn_days_before_term_end:
        warnings.append(_("Valgperioden slutter %(date)s.") % {"date": term_ends_on.strftime("%d.%m.%Y")})
    if calls_awaiting_board:
        warnings.append(
            _("%(n)s indkaldelse(r) venter på kommunalbestyrelsens beslutning.") % {"n": calls_awaiting_board}
        )
    return CompositionStatus(not problems and not flagged, len(sitting), limits.max_members, problems, warnings)
