"""Appointments: writes of membership (raad.membership.services.appointments)."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import audit
from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry, User
from raad.core.redaction import mask_cpr
from raad.councils.models import BoardDecision, Council, RulesOfProcedure, Term
from raad.councils.rules import Violation, reference
from raad.councils.selectors import rules_in_force
from raad.councils.services import ensure_not_archived
from raad.membership import notify, rules
from raad.membership.models import (
    Membership,
    Nomination,
    Person,
    Seat,
    Substitute,
)

from .common import LEAVING_REASONS, _lock_council

# Each verb written out in the module that records it, so the journal's labels can be checked against them
# (raad/core/tests/test_audit_labels.py reads module-level tables).
_END_VERB: dict[str, str] = {
    Membership.EndReason.TERM_ENDED: "member.term_ended",
    Membership.EndReason.RESIGNED: "member.resigned",
    Membership.EndReason.MOVED_AWAY: "member.moved_away",
    Membership.EndReason.DECEASED: "member.deceased",
    Membership.EndReason.REPLACED: "member.replaced",
}


def _memberships_from(council: Council, starts_on: datetime.date) -> list[Membership]:
    """Every membership in force on or after `starts_on`: an appointment must fit on its first day and on
    every later day another membership (already registered) begins."""
    return list(
        Membership.objects.filter(seat__council=council)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on))
        .select_related("seat", "term", "person")
    )


def _nomination_violations(nomination: Nomination | None, seat: Seat, *, withdrawn: bool) -> list[Violation]:
    violations = []
    if nomination is not None and nomination.seat_id != seat.pk:
        violations.append(Violation("seat", _("Indstillingen gælder en anden plads.")))
    if nomination is not None and withdrawn:
        violations.append(Violation("", _("Indstillingen er trukket tilbage.")))
    return violations


def _appointed_entry(membership: Membership, *, council_id: int, by: User | None) -> AuditEntry:
    return audit.entry(
        actor=by,
        verb="member.appointed",
        target=membership,
        council_id=council_id,
        changes=audit.created(
            person=str(membership.person),
            seat=membership.seat.number,
            term=str(membership.term),
            starts_on=membership.starts_on,
            decision=str(membership.appointment),
        ),
    )


def _check_appointment(
    *,
    council: Council,
    person: Person,
    seat: Seat,
    term: Term,
    decision: BoardDecision,
    starts_on: datetime.date,
    procedure: RulesOfProcedure | None = None,
    relevant: list[Membership] | None = None,
) -> tuple[list[Violation], list[Membership]]:
    """The violations of appointing `person` to `seat`, and the continuing memberships it replaces (R4).

    `procedure` and `relevant` (the council's `_memberships_from(starts_on)`) are read here unless the caller,
    appointing several members at once, read them once for all."""
    if procedure is None:
        procedure = rules_in_force(council, starts_on)
    if relevant is None:
        relevant = _memberships_from(council, starts_on)
    # Members of an ended term continue until their successors are appointed (R4): the successor on the
    # same seat, or the same person's re-appointment, replaces them.
    replaced = [
        m
        for m in relevant
        if m.starts_on <= starts_on
        and m.term.ends_on < starts_on
        and m.ends_on is None
        and (m.seat_id == seat.pk or m.person_id == person.pk)
    ]
    proposal = rules.Proposal(
        person_id=person.pk,
        person_name=str(person),
        seat_id=seat.pk,
        seat_kind=seat.kind,
        resides_in_municipality=person.resides_in_municipality,
        residence_unconfirmed=person.residence_needs_confirmation,
        starts_on=starts_on,
        term_starts_on=term.starts_on,
        term_ends_on=term.ends_on,
    )
    limits = rules.Limits.of(procedure)
    violations: list[Violation] = []
    for day in sorted({starts_on} | {m.starts_on for m in relevant if m.starts_on > starts_on}):
        sitting = [
            rules.Sitting(person_id=m.person_id, seat_id=m.seat_id, seat_kind=m.seat.kind)
            for m in relevant
            if m not in replaced and m.starts_on <= day and (m.ends_on is None or m.ends_on >= day)
        ]
        for found in rules.appointment_violations(limits, sitting, proposal):
            if found.message not in {v.message for v in violations}:
                violations.append(found)
    if term.council_id != council.pk or seat.council_id != council.pk:
        violations.append(Violation("term", _("Valgperioden eller pladsen hører til et andet råd.")))
    if seat.retired_on is not None and seat.retired_on <= starts_on:
        violations.append(Violation("seat", _("Pladsen er nedlagt.")))
    if decision.municipality_id != council.municipality_id:
        violations.append(Violation("decision", _("Beslutningen er ikke truffet af rådets kommune.")))
    if starts_on < decision.decided_on:
        violations.append(
            Violation(
                "starts_on",
                _("Et medlemskab kan ikke begynde før kommunalbestyrelsens beslutning (%(date)s).")
                % {"date": decision.decided_on.strftime("%d.%m.%Y")},
            )
        )
    return violations, replaced


def _decision_violations(
    *, council: Council, seat: Seat, decision: BoardDecision, nomination: Nomination | None
) -> list[Violation]:
    """R2: only the board appoints, by a decision about appointing members, and a nominated seat only from a
    nomination. A decision that adopted rules of procedure or created a council appoints nobody."""
    found: list[Violation] = []
    if (
        RulesOfProcedure.objects.filter(decision=decision).exists()
        or Council.objects.filter(established_by=decision).exists()
    ):
        found.append(
            Violation(
                "decision",
                _(
                    "%(decision)s er ikke en beslutning om udpegning af medlemmer; kun kommunalbestyrelsens "
                    "udpegningsbeslutning kan gøre en person til medlem (integrationsloven § 42, stk. 3)."
                )
                % {"decision": decision},
            )
        )
    if seat.kind == Seat.Kind.NOMINATED and nomination is None:
        found.append(
            Violation(
                "seat",
                _("Pladsen besættes efter indstilling; vælg en indstillet kandidat (%(ref)s).")
                % {"ref": reference("max_nominated_seats")},
            )
        )
    return found


@transaction.atomic
def member_appoint(
    *,
    person: Person,
    seat: Seat,
    term: Term,
    decision: BoardDecision,
    starts_on: datetime.date,
    nomination: Nomination | None = None,
    by: User | None,
) -> Membership:
    """Make `person` a member on `seat` by the board's `decision`, checking the composition rules."""
    council = _lock_council(seat.council_id)
    person = Person.objects.get(pk=person.pk)
    violations, replaced = _check_appointment(
        council=council, person=person, seat=seat, term=term, decision=decision, starts_on=starts_on
    )
    violations += _decision_violations(council=council, seat=seat, decision=decision, nomination=nomination)
    violations += _nomination_violations(
        nomination,
        seat,
        withdrawn=nomination is not None
        and Nomination.objects.filter(pk=nomination.pk, status=Nomination.Status.WITHDRAWN).exists(),
    )
    if violations:
        raise RuleViolation(violations)
    for old in replaced:
        _end(
            membership=old, reason=Membership.EndReason.REPLACED, last_day=starts_on - datetime.timedelta(days=1), by=by
        )
    membership = Membership.objects.create(
        person=person, seat=seat, term=term, appointment=decision, starts_on=starts_on, nomination=nomination
    )
    if nomination is not None:
        Nomination.objects.filter(pk=nomination.pk).update(
            status=Nomination.Status.APPOINTED, decided_on=decision.decided_on, updated_at=timezone.now()
        )
    _appointed_entry(membership, council_id=council.pk, by=by).save()
    return membership


def _end(*, membership: Membership, reason: str, last_day: datetime.date, by: User | None) -> Membership:
    membership.ends_on = last_day
    membership.end_reason = reason
    membership.save(update_fields=["ends_on", "end_reason", "updated_at"])
    audit.record(
        actor=by,
        verb=_END_VERB[reason],
        target=membership,
        council_id=membership.seat.council_id,
        changes=audit.changed(ends_on=(None, last_day), end_reason=("", reason)),
    )
    return membership


@transaction.atomic
def membership_end(*, membership: Membership, reason: str, last_day: datetime.date, by: User | None) -> Membership:
    """A member leaves: resigns, moves away or dies. The seat becomes vacant from the next day (R25)."""
    council = _lock_council(membership.seat.council_id)
    membership = Membership.objects.select_for_update(of=("self",)).select_related("seat").get(pk=membership.pk)
    violations = []
    if reason not in LEAVING_REASONS:
        violations.append(Violation("reason", _("Ukendt ophørsgrund.")))
    if membership.ends_on is not None:
        violations.append(
            Violation(
                "last_day",
                _("Medlemskabet er allerede ophørt %(date)s.") % {"date": membership.ends_on.strftime("%d.%m.%Y")},
            )
        )
    elif last_day < membership.starts_on:
        violations.append(
            Violation(
                "last_day",
                _("Sidste dag kan ikke ligge før medlemskabet begyndte (%(date)s).")
                % {"date": membership.starts_on.strftime("%d.%m.%Y")},
            )
        )
    if violations:
        raise RuleViolation(violations)
    _end(membership=membership, reason=reason, last_day=last_day, by=by)
    if membership.role == Membership.Role.CHAIR:
        notify.chair_vacancy(council_id=council.pk)
    notify.vacancy(membership_id=membership.pk)
    return membership


def member_resign(*, membership: Membership, last_day: datetime.date, by: User | None) -> Membership:
    return membership_end(membership=membership, reason=Membership.EndReason.RESIGNED, last_day=last_day, by=by)


def member_decease(*, membership: Membership, last_day: datetime.date, by: User | None) -> Membership:
    return membership_end(membership=membership, reason=Membership.EndReason.DECEASED, last_day=last_day, by=by)


@transaction.atomic
def member_flag_moved_away(
    *, membership: Membership, flagged_on: datetime.date, note: str = "", by: User | None
) -> Membership:
    """A member has moved out of the municipality: flagged for termination (R25), ended with `membership_end`."""
    _lock_council(membership.seat.council_id)
    membership = (
        Membership.objects.select_for_update(of=("self",)).select_related("seat", "person").get(pk=membership.pk)
    )
    if membership.ends_on is not None:
        raise RuleViolation([Violation("flagged_on", _("Medlemskabet er allerede ophørt."))])
    if membership.moved_away_flagged_on is not None:
        raise RuleViolation([Violation("flagged_on", _("Fraflytningen er allerede meldt."))])
    membership.moved_away_flagged_on = flagged_on
    membership.moved_away_note = mask_cpr(note)[:300]
    membership.save(update_fields=["moved_away_flagged_on", "moved_away_note", "updated_at"])
    Person.objects.filter(pk=membership.person_id).update(resides_in_municipality=False, updated_at=timezone.now())
    audit.record(
        actor=by,
        verb="member.moved_away_flagged",
        target=membership,
        council_id=membership.seat.council_id,
        changes=audit.created(moved_away_flagged_on=flagged_on),
    )
    return membership


def member_move_away(*, membership: Membership, last_day: datetime.date, by: User | None) -> Membership:
    return membership_end(membership=membership, reason=Membership.EndReason.MOVED_AWAY, last_day=last_day, by=by)


@transaction.atomic
def membership_set_role(*, membership: Membership, role: str, by: User | None) -> Membership:
    """Give a membership the role of chair or vice-chair (the result of an election)."""
    membership = (
        Membership.objects.select_for_update(of=("self",)).select_related("seat__council").get(pk=membership.pk)
    )
    ensure_not_archived(membership.seat.council)
    before = membership.role
    if role != Membership.Role.MEMBER:
        holders = Membership.objects.filter(
            seat__council_id=membership.seat.council_id, term=membership.term, role=role, ends_on__isnull=True
        ).exclude(pk=membership.pk)
        for holder in holders.select_for_update():
            holder.role = Membership.Role.MEMBER
            holder.save(update_fields=["role", "updated_at"])
            audit.record(
                actor=by,
                verb="member.role_changed",
                target=holder,
                council_id=membership.seat.council_id,
                changes=audit.changed(role=(role, Membership.Role.MEMBER)),
            )
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    audit.record(
        actor=by,
        verb="member.role_changed",
        target=membership,
        council_id=membership.seat.council_id,
        changes=audit.changed(role=(before, role)),
    )
    return membership


@transaction.atomic
def substitute_appoint(
    *,
    membership: Membership,
    person: Person,
    decision: BoardDecision,
    starts_on: datetime.date,
    nomination: Nomination | None = None,
    by: User | None,
) -> Substitute:
    ensure_not_archived(membership.seat.council_id)
    procedure = rules_in_force(membership.seat.council_id, starts_on)
    violations = _substitute_violations(
        procedure,
        membership,
        person,
        has_substitute=Substitute.objects.filter(membership=membership, ends_on__isnull=True).exists(),
    )
    if violations:
        raise RuleViolation(violations)
    substitute = Substitute.objects.create(
        membership=membership, person=person, appointment=decision, starts_on=starts_on, nomination=nomination
    )
    _substitute_entry(substitute, by=by).save()
    return substitute


def _substitute_violations(
    procedure: RulesOfProcedure, membership: Membership, person: Person, *, has_substitute: bool
) -> list[Violation]:
    violations = []
    if not procedure.uses_substitutes:
        violations.append(
            Violation(
                "person",
                _("Forretningsordenen bruger ikke stedfortrædere (%(ref)s).") % {"ref": reference("uses_substitutes")},
            )
        )
    if procedure.residence_required and not person.resides_in_municipality:
        violations.append(
            Violation(
                "person",
                _("%(name)s har ikke bopæl i kommunen (%(ref)s).")
                % {"name": person, "ref": reference("residence_required")},
            )
        )
    if membership.person_id == person.pk:
        violations.append(Violation("person", _("Et medlem kan ikke være sin egen stedfortræder.")))
    if has_substitute:
        violations.append(Violation("person", _("Medlemmet har allerede en personlig stedfortræder.")))
    return violations


def _substitute_entry(substitute: Substitute, *, by: User | None) -> AuditEntry:
    return audit.entry(
        actor=by,
        verb="substitute.appointed",
        target=substitute,
        council_id=substitute.membership.seat.council_id,
        changes=audit.created(person=str(substitute.person), member=str(substitute.membership.person)),
    )


@transaction.atomic
def substitute_promote(*, substitute: Substitute, starts_on: datetime.date, by: User | None) -> Membership:
    """The personal substitute takes the seat after the member's permanent departure (R19, R25)."""
    substitute = Substitute.objects.select_related("membership__seat", "membership__term", "person", "appointment").get(
        pk=substitute.pk
    )
    old = substitute.membership
    council = _lock_council(old.seat.council_id)
    procedure = rules_in_force(council, starts_on)
    violations: list[Violation] = []
    if not procedure.uses_substitutes:
        violations.append(
            Violation(
                "",
                _("Forretningsordenen bruger ikke stedfortrædere (%(ref)s).") % {"ref": reference("uses_substitutes")},
            )
        )
    if substitute.ends_on is not None:
        violations.append(Violation("", _("%(name)s er ikke længere stedfortræder.") % {"name": substitute.person}))
    if old.ends_on is None or old.end_reason not in LEAVING_REASONS:
        violations.append(
            Violation(
                "",
                _("%(name)s kan først indtræde, når medlemmet er udtrådt permanent (%(ref)s).")
                % {"name": substitute.person, "ref": reference("uses_substitutes")},
            )
        )
    elif starts_on <= old.ends_on:
        violations.append(
            Violation(
                "starts_on",
                _("Indtrædelsen skal ligge efter medlemmets sidste dag (%(date)s).")
                % {"date": old.ends_on.strftime("%d.%m.%Y")},
            )
        )
    if not violations:
        found, replaced = _check_appointment(
            council=council,
            person=substitute.person,
            seat=old.seat,
            term=old.term,
            decision=substitute.appointment,
            starts_on=starts_on,
        )
        violations += found
        if replaced:
            violations.append(Violation("", _("Pladsen er allerede besat.")))
    if violations:
        raise RuleViolation(violations)
    substitute.ends_on = max(starts_on - datetime.timedelta(days=1), substitute.starts_on)
    substitute.save(update_fields=["ends_on", "updated_at"])
    membership = Membership.objects.create(
        person=substitute.person,
        seat=old.seat,
        term=old.term,
        appointment=substitute.appointment,
        starts_on=starts_on,
        nomination=substitute.nomination,
        promoted_from=substitute,
    )
    audit.record(
        actor=by,
        verb="substitute.promoted",
        target=membership,
        council_id=council.pk,
        changes=audit.created(
            person=str(substitute.person), seat=old.seat.number, replaces=str(old.person), starts_on=starts_on
        ),
    )
    return membership


@transaction.atomic
def memberships_close_ended_terms(*, today: datetime.date | None = None, by: User | None = None) -> int:
    """End the memberships of terms that are over, where the rules of procedure say members do not
    continue until their successors are appointed (R4). Idempotent: ended memberships are skipped."""
    today = today or timezone.localdate()
    done = 0
    open_memberships = (
        Membership.objects.filter(ends_on__isnull=True, term__ends_on__lt=today)
        .select_related("seat", "term")
        .order_by("seat__council_id", "pk")
    )
    continues: dict[int, bool] = {}
    for membership in open_memberships:
        council_id = membership.seat.council_id
        if council_id not in continues:
            continues[council_id] = rules_in_force(council_id, today).continue_until_successors
        if continues[council_id]:
            continue
        _end(membership=membership, reason=Membership.EndReason.TERM_ENDED, last_day=membership.term.ends_on, by=by)
        done += 1
    return done
