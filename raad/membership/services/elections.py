"""Elections: writes of membership (raad.membership.services.elections)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import audit
from raad.core.errors import RuleViolation
from raad.core.models import User
from raad.councils.models import Council
from raad.councils.rules import Violation, reference
from raad.councils.selectors import rules_in_force
from raad.councils.services import ensure_not_archived
from raad.membership import rules
from raad.membership.models import (
    BallotCast,
    Election,
    ElectionCandidate,
    ElectionRound,
    LotDraw,
    Membership,
    RoundCount,
)
from raad.membership.selectors import memberships_in_force

from .appointments import membership_set_role
from .common import _lock_council

_OFFICE_ROLE: dict[str, str] = {
    Election.Office.CHAIR: Membership.Role.CHAIR,
    Election.Office.VICE_CHAIR: Membership.Role.VICE_CHAIR,
}


@transaction.atomic
def election_open(
    *,
    council: Council,
    office: str,
    method: str,
    held_on: datetime.date,
    candidates: Sequence[Membership],
    voters_present: int,
    by: User | None,
) -> Election:
    """Open an election among the members with its first round."""
    _lock_council(council.pk)
    procedure = rules_in_force(council, held_on)
    members = list(memberships_in_force(council, held_on))
    member_ids = {m.pk for m in members}
    violations: list[Violation] = []
    if office not in Election.Office.values:
        violations.append(Violation("office", _("Ukendt valg.")))
    if office == Election.Office.NATIONAL_REPRESENTATIVE and not procedure.elects_national_representative:
        violations.append(
            Violation(
                "office",
                _("Rådet vælger ikke repræsentant til Det Nationale Integrationsråd (%(ref)s).")
                % {"ref": reference("elects_national_representative")},
            )
        )
    if office == Election.Office.VICE_CHAIR and not any(m.role == Membership.Role.CHAIR for m in members):
        violations.append(
            Violation(
                "office",
                _("Forpersonen vælges før næstforpersonen (%(ref)s).") % {"ref": reference("election_majority")},
            )
        )
    if Election.objects.filter(council=council, office=office, decided_at__isnull=True).exists():
        violations.append(Violation("office", _("Der er allerede et åbent valg af samme slags.")))
    if not candidates:
        violations.append(Violation("candidates", _("Vælg mindst én kandidat.")))
    if any(c.pk not in member_ids for c in candidates):
        violations.append(
            Violation(
                "candidates",
                _("Kandidaterne skal være medlemmer af rådet (%(ref)s).") % {"ref": reference("election_majority")},
            )
        )
    violations += rules.count_violations(voters_present=voters_present, ballots=0, eligible=len(members))
    if voters_present < 1:
        violations.append(Violation("voters_present", _("Mindst ét medlem skal være til stede.")))
    if not members:
        violations.append(Violation("candidates", _("Rådet har ingen medlemmer.")))
    if violations:
        raise RuleViolation(violations)
    term = members[0].term
    election = Election.objects.create(
        council=council,
        term=term,
        office=office,
        method=method,
        majority=procedure.election_majority,
        held_on=held_on,
    )
    made = ElectionCandidate.objects.bulk_create(
        [ElectionCandidate(election=election, membership=c) for c in candidates]
    )
    _round_open(election=election, number=1, voters_present=voters_present, candidates=made)
    audit.record(
        actor=by,
        verb="election.opened",
        target=election,
        council_id=council.pk,
        changes=audit.created(
            office=office, method=method, candidates=[str(c.person) for c in candidates], voters_present=voters_present
        ),
    )
    return election


def _round_open(
    *, election: Election, number: int, voters_present: int, candidates: Sequence[ElectionCandidate]
) -> ElectionRound:
    new = ElectionRound.objects.create(election=election, number=number, voters_present=voters_present)
    new.candidates.set(candidates)
    if election.method == Election.Method.SECRET_DEVICE:
        RoundCount.objects.bulk_create([RoundCount(round=new, candidate=c, votes=0) for c in candidates])
    return new


@transaction.atomic
def ballot_cast(
    *, round: ElectionRound, membership: Membership, choice: ElectionCandidate | None, by: User | None
) -> None:
    """One member's secret ballot. Who voted and what was voted are stored apart, with no link (R12)."""
    round = ElectionRound.objects.select_for_update(of=("self",)).select_related("election__council").get(pk=round.pk)
    ensure_not_archived(round.election.council)
    election = round.election
    violations: list[Violation] = []
    if election.method != Election.Method.SECRET_DEVICE:
        violations.append(Violation("", _("Dette valg foregår på papir.")))
    if round.outcome != ElectionRound.Outcome.OPEN:
        violations.append(Violation("", _("Afstemningen er lukket.")))
    if not memberships_in_force(election.council_id, election.held_on).filter(pk=membership.pk).exists():
        violations.append(Violation("", _("Kun rådets medlemmer kan stemme.")))
    if BallotCast.objects.filter(round=round, membership=membership).exists():
        violations.append(Violation("", _("Du har allerede stemt i denne runde.")))
    elif round.casts.count() >= round.voters_present:
        violations.append(
            Violation(
                "",
                _("Der er allerede afgivet %(n)s stemmer, lige så mange som de fremmødte.")
                % {"n": round.voters_present},
            )
        )
    if choice is not None and not round.candidates.filter(pk=choice.pk).exists():
        violations.append(Violation("choice", _("Vælg en af kandidaterne i denne runde.")))
    if violations:
        raise RuleViolation(violations)
    try:
        with transaction.atomic():
            BallotCast.objects.create(round=round, membership=membership)
    except IntegrityError:
        raise RuleViolation([Violation("", _("Du har allerede stemt i denne runde."))]) from None
    # The vote only moves a counter: no row holds a single ballot, so nothing stored can be ordered
    # or matched against who voted (R12). Counters are updated in the database, not read-modify-write.
    if choice is None:
        ElectionRound.objects.filter(pk=round.pk).update(blank_votes=F("blank_votes") + 1)
    else:
        RoundCount.objects.filter(round=round, candidate=choice).update(votes=F("votes") + 1)
    audit.record(
        actor=by,
        verb="election.ballot_cast",
        target=round,
        council_id=election.council_id,
        changes=audit.created(voter=str(membership.person)),
    )


def _elect(*, election: Election, candidate: ElectionCandidate, by: User | None) -> None:
    membership = candidate.membership
    election.elected = membership
    election.decided_at = timezone.now()
    election.save(update_fields=["elected", "decided_at", "updated_at"])
    if election.office in _OFFICE_ROLE:
        membership_set_role(membership=membership, role=_OFFICE_ROLE[election.office], by=by)
    else:
        Membership.objects.filter(seat__council_id=election.council_id, is_national_representative=True).update(
            is_national_representative=False
        )
        Membership.objects.filter(pk=membership.pk).update(is_national_representative=True)
    audit.record(
        actor=by,
        verb="election.decided",
        target=election,
        council_id=election.council_id,
        changes=audit.created(elected=str(membership.person)),
    )


@transaction.atomic
def round_close(
    *,
    round: ElectionRound,
    paper_counts: dict[int, int] | None = None,
    blank: int = 0,
    by: User | None,
) -> ElectionRound:
    """Count a round (the secret ballots, or the paper counts the secretariat enters) and apply the
    majority rule: elected, a new round on a tie, or a lot draw on a second tie."""
    round = ElectionRound.objects.select_for_update(of=("self",)).select_related("election__council").get(pk=round.pk)
    ensure_not_archived(round.election.council)
    election = round.election
    if round.outcome != ElectionRound.Outcome.OPEN:
        raise RuleViolation([Violation("", _("Runden er allerede optalt."))])
    candidate_ids = list(round.candidates.values_list("pk", flat=True))
    if election.method == Election.Method.SECRET_DEVICE:
        counts = {c: 0 for c in candidate_ids} | dict(round.counts.values_list("candidate_id", "votes"))
        blank = round.blank_votes
        ballots = sum(counts.values()) + blank
        if ballots != round.casts.count():
            raise RuleViolation(
                [Violation("", _("Antallet af stemmesedler passer ikke med antallet af afgivne stemmer."))]
            )
    else:
        paper_counts = paper_counts or {}
        if set(paper_counts) - set(candidate_ids) or any(v < 0 for v in paper_counts.values()) or blank < 0:
            raise RuleViolation([Violation("", _("Optællingen skal angive et ikke-negativt tal for hver kandidat."))])
        counts = {c: paper_counts.get(c, 0) for c in candidate_ids}
        ballots = sum(counts.values()) + blank
    members = memberships_in_force(election.council_id, election.held_on).count()
    violations = rules.count_violations(voters_present=round.voters_present, ballots=ballots, eligible=members)
    if ballots == 0:
        violations.append(Violation("", _("Der er ingen stemmer at tælle op.")))
    if violations:
        raise RuleViolation(violations)
    previous = election.rounds.filter(number=round.number - 1).first()
    result = rules.round_result(
        counts, majority=election.majority, blank=blank, previous_round_tied=bool(previous and previous.tied)
    )
    if election.method == Election.Method.PAPER:
        RoundCount.objects.bulk_create([RoundCount(round=round, candidate_id=c, votes=v) for c, v in counts.items()])
    round.blank_votes = blank
    round.closed_at = timezone.now()
    round.tied = result.kind != "elected" and len([v for v in counts.values() if v == max(counts.values())]) > 1
    round.outcome = {
        "elected": ElectionRound.Outcome.ELECTED,
        "new_round": ElectionRound.Outcome.NEW_ROUND,
        "lot": ElectionRound.Outcome.LOT,
    }[result.kind]
    round.save(update_fields=["blank_votes", "closed_at", "tied", "outcome", "updated_at"])
    audit.record(
        actor=by,
        verb="election.round_counted",
        target=election,
        council_id=election.council_id,
        changes=audit.created(
            round=round.number,
            counts={str(ElectionCandidate.objects.get(pk=c)): v for c, v in counts.items()},
            blank=blank,
            outcome=result.kind,
        ),
    )
    if result.kind == "elected" and result.winner is not None:
        _elect(
            election=election,
            candidate=ElectionCandidate.objects.select_related("membership").get(pk=result.winner),
            by=by,
        )
    elif result.kind == "new_round":
        _round_open(
            election=election,
            number=round.number + 1,
            voters_present=round.voters_present,
            candidates=list(ElectionCandidate.objects.filter(pk__in=result.next_candidates)),
        )
    return round


@transaction.atomic
def lot_draw_record(
    *,
    round: ElectionRound,
    drawn_by: str,
    result: ElectionCandidate,
    drawn_at: datetime.datetime | None = None,
    by: User | None,
) -> LotDraw:
    """Record the lot draw after a second tie: who drew, when, among whom, and who was drawn (R12)."""
    round = ElectionRound.objects.select_for_update(of=("self",)).select_related("election__council").get(pk=round.pk)
    ensure_not_archived(round.election.council)
    counts = dict(round.counts.values_list("candidate_id", "votes"))
    top = max(counts.values()) if counts else 0
    tied = sorted(c for c, v in counts.items() if v == top)
    violations: list[Violation] = []
    if round.outcome != ElectionRound.Outcome.LOT or hasattr(round, "lot_draw"):
        violations.append(Violation("", _("Denne runde skal ikke afgøres ved lodtrækning.")))
    if result.pk not in tied:
        violations.append(Violation("result", _("Lodtrækningen står kun mellem de kandidater, der stod lige.")))
    if not drawn_by.strip():
        violations.append(Violation("drawn_by", _("Angiv, hvem der foretog lodtrækningen.")))
    if violations:
        raise RuleViolation(violations)
    candidates = ElectionCandidate.objects.filter(pk__in=tied).select_related("membership__person")
    draw = LotDraw.objects.create(
        round=round,
        drawn_by=drawn_by.strip(),
        drawn_at=drawn_at or timezone.now(),
        among=[str(c.membership.person) for c in candidates],
        result=result,
        recorded_by=by if by is not None and by.pk else None,
    )
    audit.record(
        actor=by,
        verb="election.lot_drawn",
        target=round.election,
        council_id=round.election.council_id,
        changes=audit.created(
            drawn_by=draw.drawn_by, drawn_at=draw.drawn_at, among=draw.among, result=str(result.membership.person)
        ),
    )
    _elect(election=round.election, candidate=result, by=by)
    return draw


@transaction.atomic
def election_report_record(*, election: Election, reported_on: datetime.date, by: User | None) -> Election:
    """Record the day the elected representative was reported to Det Nationale Integrationsråd (R10): the desk's
    task to report them ends. Only a decided election of the representative; not before it, not in the future."""
    election = Election.objects.select_for_update(of=("self",)).select_related("council").get(pk=election.pk)
    ensure_not_archived(election.council)
    violations = []
    if election.office != Election.Office.NATIONAL_REPRESENTATIVE:
        violations.append(
            Violation("", _("Kun valget af repræsentanten til Det Nationale Integrationsråd indberettes."))
        )
    elif election.decided_at is None:
        violations.append(Violation("reported_on", _("Valget er ikke afgjort endnu; der er intet at indberette.")))
    elif reported_on < election.held_on:
        violations.append(Violation("reported_on", _("Indberetningen kan ikke ligge før valget.")))
    elif reported_on > timezone.localdate():
        violations.append(Violation("reported_on", _("Indberetningen kan ikke ligge i fremtiden.")))
    if violations:
        raise RuleViolation(violations)
    before = election.reported_on
    election.reported_on = reported_on
    election.save(update_fields=["reported_on", "updated_at"])
    audit.record(
        actor=by,
        verb="election.reported",
        target=election,
        council_id=election.council_id,
        changes={"reported_on": {"before": before.isoformat() if before else None, "after": reported_on.isoformat()}},
    )
    return election
