"""Every write about membership. Only a recorded board decision makes a member (R2).

Each service checks the rules of procedure in force through the pure functions of `rules.py` and raises
`RuleViolation` (naming the rule) before writing anything; a refused operation leaves the database as it was.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import audit
from raad.core.errors import RuleViolation
from raad.core.models import User
from raad.core.redaction import mask_cpr
from raad.councils.models import BoardDecision, Council, Term
from raad.councils.rules import Violation, reference
from raad.councils.selectors import rules_in_force
from raad.councils.services import board_decision_record
from raad.membership import notify, rules, selectors
from raad.membership.models import (
    BallotCast,
    Election,
    ElectionCandidate,
    ElectionRound,
    LotDraw,
    Membership,
    NominatingBody,
    Nomination,
    NominationCall,
    Person,
    RoundCount,
    Seat,
    Substitute,
)
from raad.membership.residence import resolver_for
from raad.membership.selectors import memberships_in_force

PERSON_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "street_address",
    "postcode",
    "city",
    "resides_in_municipality",
    "residence_needs_confirmation",
)
BODY_FIELDS = ("name", "contact_name", "contact_email", "contact_phone", "website")
LEAVING_REASONS = (Membership.EndReason.RESIGNED, Membership.EndReason.MOVED_AWAY, Membership.EndReason.DECEASED)
# Each verb written out, so the journal's labels can be checked against them (raad/core/tests/test_audit_labels.py).
_END_VERB: dict[str, str] = {
    Membership.EndReason.TERM_ENDED: "member.term_ended",
    Membership.EndReason.RESIGNED: "member.resigned",
    Membership.EndReason.MOVED_AWAY: "member.moved_away",
    Membership.EndReason.DECEASED: "member.deceased",
    Membership.EndReason.REPLACED: "member.replaced",
}
_CONFIRM_VERB: dict[str, str] = {
    "candidate": "nomination.confirmed_by_candidate",
    "substitute": "nomination.confirmed_by_substitute",
}


def _lock_council(council_id: int) -> Council:
    """Serialise every change of a council's composition (a fixed lock order: the council row first)."""
    return Council.objects.select_for_update().get(pk=council_id)


# --- Nominating bodies, seats and people -----------------------------------------------------------


@transaction.atomic
def nominating_body_create(
    *,
    council: Council,
    name: str,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    website: str = "",
    by: User | None,
) -> NominatingBody:
    if NominatingBody.objects.filter(council=council, name=name).exists():
        raise RuleViolation([Violation("name", _("Der findes allerede en organisation med det navn."))])
    body = NominatingBody.objects.create(
        council=council,
        name=name,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        website=website,
    )
    audit.record(
        actor=by,
        verb="nominating_body.created",
        target=body,
        council_id=council.pk,
        changes=audit.diff({}, audit.snapshot(body, BODY_FIELDS)),
    )
    return body


@transaction.atomic
def nominating_body_update(*, body: NominatingBody, data: dict, by: User | None) -> NominatingBody:
    body = NominatingBody.objects.select_for_update().get(pk=body.pk)
    before = audit.snapshot(body, BODY_FIELDS)
    for name in BODY_FIELDS:
        if name in data:
            setattr(body, name, data[name])
    if NominatingBody.objects.filter(council_id=body.council_id, name=body.name).exclude(pk=body.pk).exists():
        raise RuleViolation([Violation("name", _("Der findes allerede en organisation med det navn."))])
    body.save(update_fields=[*BODY_FIELDS, "updated_at"])
    changes = audit.diff(before, audit.snapshot(body, BODY_FIELDS))
    if changes:
        audit.record(actor=by, verb="nominating_body.updated", target=body, council_id=body.council_id, changes=changes)
    return body


@transaction.atomic
def seat_create(
    *, council: Council, number: int, kind: str, nominating_body: NominatingBody | None = None, by: User | None
) -> Seat:
    if kind == Seat.Kind.NOMINATED and nominating_body is None:
        raise RuleViolation(
            [
                Violation(
                    "nominating_body",
                    _("En plads efter indstilling skal have en indstillingsberettiget organisation (%(ref)s).")
                    % {"ref": reference("max_nominated_seats")},
                )
            ]
        )
    if kind != Seat.Kind.NOMINATED:
        nominating_body = None
    if Seat.objects.filter(council=council, number=number).exists():
        raise RuleViolation([Violation("number", _("Plads %(n)s findes allerede.") % {"n": number})])
    seat = Seat.objects.create(council=council, number=number, kind=kind, nominating_body=nominating_body)
    audit.record(
        actor=by,
        verb="seat.created",
        target=seat,
        council_id=council.pk,
        changes={
            "kind": {"before": None, "after": kind},
            "nominating_body": {"before": None, "after": str(nominating_body or "")},
        },
    )
    return seat


@transaction.atomic
def seat_set_nominating_body(*, seat: Seat, nominating_body: NominatingBody | None, by: User | None) -> Seat:
    seat = Seat.objects.select_for_update().get(pk=seat.pk)
    if seat.kind == Seat.Kind.NOMINATED and nominating_body is None:
        raise RuleViolation(
            [
                Violation(
                    "nominating_body", _("En plads efter indstilling skal have en indstillingsberettiget organisation.")
                )
            ]
        )
    before = str(seat.nominating_body or "")
    seat.nominating_body = nominating_body
    seat.save(update_fields=["nominating_body", "updated_at"])
    audit.record(
        actor=by,
        verb="seat.nominating_body_changed",
        target=seat,
        council_id=seat.council_id,
        changes={"nominating_body": {"before": before, "after": str(nominating_body or "")}},
    )
    return seat


def resolve_residence(*, municipality_code: str, street_address: str, postcode: str, city: str):
    """The residence lookup every path uses (form, workspace, command)."""
    return resolver_for(municipality_code).resolve(street_address=street_address, postcode=postcode, city=city)


@transaction.atomic
def person_create(
    *,
    first_name: str,
    last_name: str,
    email: str = "",
    phone: str = "",
    street_address: str = "",
    postcode: str = "",
    city: str = "",
    resides_in_municipality: bool | None = None,
    municipality_code: str | None = None,
    bio: str = "",
    bio_en: str = "",
    publish_bio: bool = False,
    user: User | None = None,
    by: User | None,
) -> Person:
    """A person. Residence is either given (already confirmed) or resolved from the postcode."""
    needs_confirmation = False
    if resides_in_municipality is None:
        if municipality_code is None:
            raise ValueError("Give resides_in_municipality or municipality_code")
        result = resolve_residence(
            municipality_code=municipality_code, street_address=street_address, postcode=postcode, city=city
        )
        resides_in_municipality = result.resides
        needs_confirmation = result.needs_confirmation
    person = Person.objects.create(
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email,
        phone=phone,
        street_address=mask_cpr(street_address),
        postcode=postcode,
        city=city,
        resides_in_municipality=resides_in_municipality,
        residence_needs_confirmation=needs_confirmation,
        bio=mask_cpr(bio),
        bio_en=mask_cpr(bio_en),
        publish_bio=publish_bio,
        consent_recorded_at=timezone.now() if publish_bio else None,
        user=user,
    )
    audit.record(
        actor=by, verb="person.created", target=person, changes=audit.diff({}, audit.snapshot(person, PERSON_FIELDS))
    )
    return person


@transaction.atomic
def person_link_user(*, person: Person, user: User, by: User | None) -> Person:
    """Give a member or substitute a login (for the workspace and for voting)."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.user_id is not None and person.user_id != user.pk:
        raise RuleViolation([Violation("user", _("Personen har allerede et login."))])
    person.user = user
    person.save(update_fields=["user", "updated_at"])
    audit.record(
        actor=by, verb="person.user_linked", target=person, changes={"user": {"before": None, "after": user.username}}
    )
    return person


@transaction.atomic
def person_confirm_residence(*, person: Person, resides: bool, council: Council, by: User | None) -> Person:
    """The secretariat settles a shared postcode: the person does (or does not) live in the municipality."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    before = audit.snapshot(person, PERSON_FIELDS)
    person.resides_in_municipality = resides
    person.residence_needs_confirmation = False
    person.save(update_fields=["resides_in_municipality", "residence_needs_confirmation", "updated_at"])
    audit.record(
        actor=by,
        verb="person.residence_confirmed",
        target=person,
        council_id=council.pk,
        changes=audit.diff(before, audit.snapshot(person, PERSON_FIELDS)),
    )
    return person


# --- Appointment, change and vacancy ---------------------------------------------------------------


def _check_appointment(
    *,
    council: Council,
    person: Person,
    seat: Seat,
    term: Term,
    decision: BoardDecision,
    starts_on: datetime.date,
) -> tuple[list[Violation], list[Membership]]:
    """The violations of appointing `person` to `seat`, and the continuing memberships it replaces (R4)."""
    procedure = rules_in_force(council, starts_on)
    # Every membership in force on or after `starts_on`: the appointment must fit on its first day and
    # on every later day another membership (already registered) begins.
    relevant = list(
        Membership.objects.filter(seat__council=council)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on))
        .select_related("seat", "term", "person")
    )
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
    if nomination is not None and nomination.seat_id != seat.pk:
        violations.append(Violation("seat", _("Indstillingen gælder en anden plads.")))
    if (
        nomination is not None
        and Nomination.objects.filter(pk=nomination.pk, status=Nomination.Status.WITHDRAWN).exists()
    ):
        violations.append(Violation("", _("Indstillingen er trukket tilbage.")))
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
    audit.record(
        actor=by,
        verb="member.appointed",
        target=membership,
        council_id=council.pk,
        changes={
            "person": {"before": None, "after": str(person)},
            "seat": {"before": None, "after": seat.number},
            "term": {"before": None, "after": str(term)},
            "starts_on": {"before": None, "after": starts_on},
            "decision": {"before": None, "after": str(decision)},
        },
    )
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
        changes={"ends_on": {"before": None, "after": last_day}, "end_reason": {"before": "", "after": reason}},
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
        changes={"moved_away_flagged_on": {"before": None, "after": flagged_on}},
    )
    return membership


def member_move_away(*, membership: Membership, last_day: datetime.date, by: User | None) -> Membership:
    return membership_end(membership=membership, reason=Membership.EndReason.MOVED_AWAY, last_day=last_day, by=by)


@transaction.atomic
def membership_set_role(*, membership: Membership, role: str, by: User | None) -> Membership:
    """Give a membership the role of chair or vice-chair (the result of an election)."""
    membership = Membership.objects.select_for_update(of=("self",)).select_related("seat").get(pk=membership.pk)
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
                changes={"role": {"before": role, "after": Membership.Role.MEMBER}},
            )
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    audit.record(
        actor=by,
        verb="member.role_changed",
        target=membership,
        council_id=membership.seat.council_id,
        changes={"role": {"before": before, "after": role}},
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
    procedure = rules_in_force(membership.seat.council_id, starts_on)
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
    if Substitute.objects.filter(membership=membership, ends_on__isnull=True).exists():
        violations.append(Violation("person", _("Medlemmet har allerede en personlig stedfortræder.")))
    if violations:
        raise RuleViolation(violations)
    substitute = Substitute.objects.create(
        membership=membership, person=person, appointment=decision, starts_on=starts_on, nomination=nomination
    )
    audit.record(
        actor=by,
        verb="substitute.appointed",
        target=substitute,
        council_id=membership.seat.council_id,
        changes={
            "person": {"before": None, "after": str(person)},
            "member": {"before": None, "after": str(membership.person)},
        },
    )
    return substitute


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
        changes={
            "person": {"before": None, "after": str(substitute.person)},
            "seat": {"before": None, "after": old.seat.number},
            "replaces": {"before": None, "after": str(old.person)},
            "starts_on": {"before": None, "after": starts_on},
        },
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


# --- The board's appointment decision --------------------------------------------------------------


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


# --- Calls for nominations and nominations ---------------------------------------------------------


@transaction.atomic
def nomination_call_open(
    *,
    council: Council,
    term: Term,
    title: str,
    deadline: datetime.datetime,
    message: str = "",
    seat: Seat | None = None,
    now: datetime.datetime | None = None,
    by: User | None,
) -> NominationCall:
    """Open a call (for a new term, or one vacant seat); every entitled body gets its link by e-mail."""
    now = now or timezone.now()
    violations: list[Violation] = []
    if deadline <= now:
        violations.append(Violation("deadline", _("Fristen skal ligge i fremtiden.")))
    if term.council_id != council.pk:
        violations.append(Violation("term", _("Valgperioden hører til et andet råd.")))
    elif term.ends_on < timezone.localdate(now):
        violations.append(Violation("term", _("Valgperioden er slut.")))
    if seat is not None:
        if seat.kind != Seat.Kind.NOMINATED:
            violations.append(
                Violation(
                    "seat",
                    _("Plads %(n)s besættes direkte af kommunalbestyrelsen uden indstilling.") % {"n": seat.number},
                )
            )
        elif (
            memberships_in_force(council, max(timezone.localdate(now), term.starts_on))
            .filter(seat=seat, ends_on__isnull=True)
            .exists()
        ):  # a seat whose member is leaving (an end date is set) may be called for at once (R25)
            violations.append(Violation("seat", _("Plads %(n)s er ikke ledig.") % {"n": seat.number}))
    if violations:
        raise RuleViolation(violations)
    call = NominationCall.objects.create(
        council=council, term=term, seat=seat, title=title, message=mask_cpr(message), deadline=deadline, opened_by=by
    )
    bodies = selectors.call_entitled_bodies(call)
    audit.record(
        actor=by,
        verb="nomination_call.opened",
        target=call,
        council_id=council.pk,
        changes={
            "deadline": {"before": None, "after": deadline},
            "seat": {"before": None, "after": seat.number if seat else None},
            "bodies": {"before": None, "after": [b.name for b in bodies]},
        },
    )
    notify.call_invitations(call_id=call.pk)
    return call


def _is_duplicate(call: NominationCall, seat: Seat, candidate: CandidateData) -> bool:
    same_person = Q(candidate__email__iexact=candidate.email) | (
        Q(candidate__first_name__iexact=candidate.first_name)
        & Q(candidate__last_name__iexact=candidate.last_name)
        & Q(candidate__postcode=candidate.postcode)
    )
    active = call.nominations.exclude(status=Nomination.Status.WITHDRAWN)
    return active.filter(same_person).exists()


@transaction.atomic
def nomination_submit(
    *,
    call: NominationCall,
    nominating_body: NominatingBody,
    seat: Seat,
    candidate: CandidateData,
    substitute: CandidateData | None,
    motivation: str,
    submitted_by_name: str,
    submitted_by_email: str,
    now: datetime.datetime | None = None,
) -> Nomination:
    """A nominating body proposes a candidate (and a substitute). Refuses late, non-entitled, non-resident
    and duplicate nominations. The candidate then confirms by a link (consent)."""
    call = (
        NominationCall.objects.select_for_update(of=("self",)).select_related("council__municipality").get(pk=call.pk)
    )
    council = call.council
    now = now or timezone.now()
    procedure = rules_in_force(council, timezone.localdate(now))
    code = council.municipality.code
    candidate_residence = resolve_residence(
        municipality_code=code,
        street_address=candidate.street_address,
        postcode=candidate.postcode,
        city=candidate.city,
    )
    substitute_residence = (
        resolve_residence(
            municipality_code=code,
            street_address=substitute.street_address,
            postcode=substitute.postcode,
            city=substitute.city,
        )
        if substitute is not None
        else None
    )
    entitled = (
        seat.council_id == council.pk
        and seat.kind == Seat.Kind.NOMINATED
        and seat.nominating_body_id == nominating_body.pk
    )
    request = rules.NominationRequest(
        submitted_at=now,
        deadline=timezone.localtime(call.deadline),
        body_entitled=entitled,
        seat_open=call.seat_id is None or call.seat_id == seat.pk,
        candidate_residence=candidate_residence.status.value,
        candidate_name=f"{candidate.first_name} {candidate.last_name}",
        duplicate=_is_duplicate(call, seat, candidate),
        substitute_residence=substitute_residence.status.value if substitute_residence else None,
        substitute_required=procedure.uses_substitutes,
    )
    violations = rules.nomination_violations(rules.Limits.of(procedure), request)
    if call.decided_on is not None:
        violations.append(Violation("", _("Kommunalbestyrelsen har allerede truffet beslutning i denne indkaldelse.")))
    if violations:
        raise RuleViolation(violations)

    def person(data: CandidateData, residence) -> Person:
        created = Person.objects.create(
            first_name=data.first_name.strip(),
            last_name=data.last_name.strip(),
            email=data.email,
            phone=data.phone,
            street_address=mask_cpr(data.street_address),
            postcode=data.postcode,
            city=data.city,
            resides_in_municipality=residence.resides,
            residence_needs_confirmation=residence.needs_confirmation,
        )
        audit.record(
            actor=None,
            verb="person.created",
            target=created,
            council_id=council.pk,
            changes={"postcode": {"before": None, "after": data.postcode}},
        )
        return created

    nomination = Nomination.objects.create(
        call=call,
        nominating_body=nominating_body,
        seat=seat,
        candidate=person(candidate, candidate_residence),
        substitute_candidate=person(substitute, substitute_residence) if substitute is not None else None,
        motivation=mask_cpr(motivation),
        submitted_by_name=submitted_by_name,
        submitted_by_email=submitted_by_email,
    )
    audit.record(
        actor=None,
        verb="nomination.submitted",
        target=nomination,
        council_id=council.pk,
        changes={
            "nominating_body": {"before": None, "after": nominating_body.name},
            "seat": {"before": None, "after": seat.number},
            "residence_needs_confirmation": {
                "before": None,
                "after": candidate_residence.needs_confirmation
                or bool(substitute_residence and substitute_residence.needs_confirmation),
            },
        },
    )
    notify.nomination_received(nomination_id=nomination.pk)
    return nomination


@transaction.atomic
def nomination_confirm(
    *,
    nomination: Nomination,
    who: str,
    bio: str = "",
    publish_bio: bool = False,
    photo=None,
    publish_photo: bool = False,
    now: datetime.datetime | None = None,
) -> Nomination:
    """The candidate (or the substitute candidate) confirms by the link they got: consent to being
    nominated, and (optionally) to a short bio being published if appointed (R31)."""
    nomination = (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("call", "candidate", "substitute_candidate")
        .get(pk=nomination.pk)
    )
    now = now or timezone.now()
    if nomination.status in (Nomination.Status.WITHDRAWN, Nomination.Status.NOT_APPOINTED) or nomination.anonymised_at:
        raise RuleViolation([Violation("", _("Indstillingen kan ikke længere bekræftes."))])
    person: Person | None
    if who == "candidate":
        if nomination.candidate_confirmed_at is not None:
            return nomination
        person = nomination.candidate
        nomination.candidate_confirmed_at = now
        if nomination.status == Nomination.Status.SUBMITTED:
            nomination.status = Nomination.Status.CONFIRMED
    elif who == "substitute" and nomination.substitute_candidate_id is not None:
        if nomination.substitute_confirmed_at is not None:
            return nomination
        person = nomination.substitute_candidate
        nomination.substitute_confirmed_at = now
    else:
        person = None
    if person is None:
        raise RuleViolation([Violation("", _("Linket er ugyldigt."))])
    nomination.save(update_fields=["candidate_confirmed_at", "substitute_confirmed_at", "status", "updated_at"])
    person.bio = mask_cpr(bio.strip())
    person.publish_bio = bool(publish_bio and person.bio)
    if photo:
        person.photo = photo
    person.publish_photo = bool(publish_photo and person.photo)
    person.consent_recorded_at = now
    person.save(update_fields=["bio", "publish_bio", "photo", "publish_photo", "consent_recorded_at", "updated_at"])
    audit.record(
        actor=None,
        verb=_CONFIRM_VERB[who],
        target=nomination,
        council_id=nomination.call.council_id,
        changes={
            "publish_bio": {"before": False, "after": person.publish_bio},
            "publish_photo": {"before": False, "after": person.publish_photo},
        },
    )
    return nomination


WITHDRAWAL_FIELDS = ("status", "withdrawn_on", "withdrawal_reason")


@transaction.atomic
def nomination_withdraw(*, nomination: Nomination, reason: str, by: User | None) -> Nomination:
    """The secretariat withdraws a nomination (the body or the candidate asked for it), only while it has
    not led to the board's decision (R2). Nothing is deleted: the nomination stays, marked withdrawn with
    the reason and the date, and is no longer a candidate in the board's appointment decision."""
    council_id = NominationCall.objects.values_list("council_id", flat=True).get(pk=nomination.call_id)
    _lock_council(council_id)  # the board's decision locks the council too: the two never cross
    nomination = Nomination.objects.select_for_update(of=("self",)).select_related("call").get(pk=nomination.pk)
    reason = mask_cpr(reason.strip())
    violations: list[Violation] = []
    if nomination.status == Nomination.Status.WITHDRAWN:
        withdrawn_on = nomination.withdrawn_on.strftime("%d.%m.%Y") if nomination.withdrawn_on else ""
        violations.append(
            Violation("", _("Indstillingen blev allerede trukket tilbage %(date)s.") % {"date": withdrawn_on})
        )
    elif nomination.status == Nomination.Status.APPOINTED or nomination.memberships.exists():
        violations.append(
            Violation(
                "",
                _(
                    "Kandidaten er udpeget af kommunalbestyrelsen. En indstilling, der har ført til en udpegning, "
                    "kan ikke trækkes tilbage."
                ),
            )
        )
    elif nomination.status == Nomination.Status.NOT_APPOINTED or nomination.call.decided_on is not None:
        violations.append(
            Violation(
                "",
                _("Kommunalbestyrelsen har truffet beslutning i indkaldelsen; indstillingen kan ikke trækkes tilbage."),
            )
        )
    if not reason:
        violations.append(Violation("reason", _("Skriv, hvorfor indstillingen trækkes tilbage.")))
    if violations:
        raise RuleViolation(violations)
    before = audit.snapshot(nomination, WITHDRAWAL_FIELDS)
    nomination.status = Nomination.Status.WITHDRAWN
    nomination.withdrawn_on = timezone.localdate()
    nomination.withdrawal_reason = reason
    nomination.save(update_fields=[*WITHDRAWAL_FIELDS, "updated_at"])
    audit.record(
        actor=by,
        verb="nomination.withdrawn",
        target=nomination,
        council_id=council_id,
        changes=audit.diff(before, audit.snapshot(nomination, WITHDRAWAL_FIELDS)),
    )
    return nomination


# --- Retention (R35) --------------------------------------------------------------------------------

ANONYMISED = "Anonymiseret"


def _anonymise_person(person: Person) -> None:
    person.first_name = ANONYMISED
    person.last_name = ""
    person.email = ""
    person.phone = ""
    person.street_address = ""
    person.postcode = ""
    person.city = ""
    person.bio = ""
    person.bio_en = ""
    person.publish_bio = False
    if person.photo:
        person.photo.delete(save=False)
    person.photo = ""
    person.publish_photo = False
    person.anonymised_at = timezone.now()
    person.save()


@transaction.atomic
def candidates_anonymise_expired(*, today: datetime.date | None = None, by: User | None = None) -> int:
    """Anonymise candidates who were not appointed once the rules' retention period has passed (R35), counted
    from the board's decision, or from the withdrawal for a withdrawn nomination.

    Idempotent: what is done is marked and skipped next time. People who hold or held a seat or a
    substitute post are kept (their history is an archival record).
    """
    today = today or timezone.localdate()
    done = 0
    pending = (
        Nomination.objects.filter(
            status__in=[Nomination.Status.NOT_APPOINTED, Nomination.Status.WITHDRAWN],
            anonymised_at__isnull=True,
        )
        .filter(Q(decided_on__isnull=False) | Q(withdrawn_on__isnull=False))
        .select_related("call", "candidate", "substitute_candidate")
        .order_by("pk")
    )
    months_by_council: dict[int, int] = {}
    for nomination in pending:
        council_id = nomination.call.council_id
        if council_id not in months_by_council:
            months_by_council[council_id] = rules_in_force(council_id, today).candidate_retention_months
        settled_on = nomination.decided_on or nomination.withdrawn_on
        if settled_on is None or rules.add_months(settled_on, months_by_council[council_id]) > today:
            continue
        people = [p for p in (nomination.candidate, nomination.substitute_candidate) if p is not None]
        keep = set(
            Person.objects.filter(pk__in=[p.pk for p in people])
            .annotate(seats=Count("memberships"), subs=Count("substitutions"))
            .filter(Q(seats__gt=0) | Q(subs__gt=0))
            .values_list("pk", flat=True)
        )
        for person in people:
            if person.pk not in keep and person.anonymised_at is None:
                _anonymise_person(person)
        nomination.motivation = ""
        nomination.withdrawal_reason = ""
        nomination.submitted_by_name = ANONYMISED
        nomination.submitted_by_email = "anonymiseret@invalid.invalid"
        nomination.anonymised_at = timezone.now()
        nomination.save(
            update_fields=[
                "motivation",
                "withdrawal_reason",
                "submitted_by_name",
                "submitted_by_email",
                "anonymised_at",
                "updated_at",
            ]
        )
        audit.record(
            actor=by,
            verb="nomination.anonymised",
            target=nomination,
            council_id=council_id,
            changes={
                "retention_months": {"before": None, "after": months_by_council[council_id]},
                ("decided_on" if nomination.decided_on else "withdrawn_on"): {"before": None, "after": settled_on},
            },
        )
        done += 1
    return done


# --- Elections (R10, R12) -------------------------------------------------------------------------

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
    if method == Election.Method.SECRET_DEVICE and not procedure.election_secret:
        pass  # a secret ballot is always allowed; the rules only make it the default
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
        changes={
            "office": {"before": None, "after": office},
            "method": {"before": None, "after": method},
            "candidates": {"before": None, "after": [str(c.person) for c in candidates]},
            "voters_present": {"before": None, "after": voters_present},
        },
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
    round = ElectionRound.objects.select_for_update(of=("self",)).select_related("election").get(pk=round.pk)
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
        changes={"voter": {"before": None, "after": str(membership.person)}},
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
        changes={"elected": {"before": None, "after": str(membership.person)}},
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
    round = ElectionRound.objects.select_for_update(of=("self",)).select_related("election").get(pk=round.pk)
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
        changes={
            "round": {"before": None, "after": round.number},
            "counts": {
                "before": None,
                "after": {str(ElectionCandidate.objects.get(pk=c)): v for c, v in counts.items()},
            },
            "blank": {"before": None, "after": blank},
            "outcome": {"before": None, "after": result.kind},
        },
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
    round = ElectionRound.objects.select_for_update(of=("self",)).select_related("election").get(pk=round.pk)
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
        changes={
            "drawn_by": {"before": None, "after": draw.drawn_by},
            "drawn_at": {"before": None, "after": draw.drawn_at},
            "among": {"before": None, "after": draw.among},
            "result": {"before": None, "after": str(result.membership.person)},
        },
    )
    _elect(election=round.election, candidate=result, by=by)
    return draw
