"""Every write about membership. Only a recorded board decision makes a member (R2)."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from raad.core import audit
from raad.core.errors import RuleViolation
from raad.core.models import User
from raad.core.redaction import mask_cpr
from raad.councils.models import BoardDecision, Council, Term
from raad.councils.rules import Violation
from raad.councils.selectors import rules_in_force
from raad.membership import rules
from raad.membership.models import Membership, NominatingBody, Person, Seat, Substitute
from raad.membership.selectors import memberships_in_force

PERSON_FIELDS = ("first_name", "last_name", "email", "phone", "postcode", "city", "resides_in_municipality")


@transaction.atomic
def nominating_body_create(
    *, council: Council, name: str, contact_name: str = "", contact_email: str = "", by: User | None
) -> NominatingBody:
    body = NominatingBody.objects.create(
        council=council, name=name, contact_name=contact_name, contact_email=contact_email
    )
    audit.record(actor=by, verb="nominating_body.created", target=body, council_id=council.pk,
                 changes={"name": {"before": None, "after": name}})
    return body


@transaction.atomic
def seat_create(
    *, council: Council, number: int, kind: str, nominating_body: NominatingBody | None = None, by: User | None
) -> Seat:
    if kind == Seat.Kind.NOMINATED and nominating_body is None:
        raise RuleViolation([Violation("nominating_body", _("En plads efter indstilling skal have en indstillingsberettiget organisation."))])
    seat = Seat.objects.create(council=council, number=number, kind=kind, nominating_body=nominating_body)
    audit.record(actor=by, verb="seat.created", target=seat, council_id=council.pk,
                 changes={"kind": {"before": None, "after": kind}})
    return seat


@transaction.atomic
def person_create(
    *,
    first_name: str,
    last_name: str,
    email: str = "",
    phone: str = "",
    postcode: str = "",
    city: str = "",
    resides_in_municipality: bool,
    bio: str = "",
    bio_en: str = "",
    publish_bio: bool = False,
    user: User | None = None,
    by: User | None,
) -> Person:
    person = Person.objects.create(
        first_name=first_name,
        last_name=last_name,
        email=email,
        phone=phone,
        postcode=postcode,
        city=city,
        resides_in_municipality=resides_in_municipality,
        bio=mask_cpr(bio),
        bio_en=mask_cpr(bio_en),
        publish_bio=publish_bio,
        user=user,
    )
    audit.record(actor=by, verb="person.created", target=person,
                 changes=audit.diff({}, audit.snapshot(person, PERSON_FIELDS)))
    return person


@transaction.atomic
def member_appoint(
    *,
    person: Person,
    seat: Seat,
    term: Term,
    decision: BoardDecision,
    starts_on: datetime.date,
    by: User | None,
) -> Membership:
    """Make `person` a member on `seat` by the board's `decision`, checking the composition rules."""
    council = Council.objects.select_for_update().get(pk=seat.council_id)  # serialise appointments
    procedure = rules_in_force(council, starts_on)
    sitting = [
        rules.Sitting(person_id=m.person_id, seat_id=m.seat_id, seat_kind=m.seat.kind)
        for m in memberships_in_force(council, starts_on)
    ]
    proposal = rules.Proposal(
        person_id=person.pk,
        person_name=str(person),
        seat_id=seat.pk,
        seat_kind=seat.kind,
        resides_in_municipality=person.resides_in_municipality,
        starts_on=starts_on,
        term_starts_on=term.starts_on,
        term_ends_on=term.ends_on,
    )
    limits = rules.Limits(
        max_members=procedure.max_members,
        max_nominated_seats=procedure.max_nominated_seats,
        max_direct_seats=procedure.max_direct_seats,
        max_board_member_seats=procedure.max_board_member_seats,
        residence_required=procedure.residence_required,
    )
    violations = rules.appointment_violations(limits, sitting, proposal)
    if term.council_id != council.pk:
        violations.append(Violation("term", _("Valgperioden hører til et andet råd.")))
    if violations:
        raise RuleViolation(violations)
    membership = Membership.objects.create(
        person=person, seat=seat, term=term, appointment=decision, starts_on=starts_on
    )
    audit.record(
        actor=by,
        verb="member.appointed",
        target=membership,
        council_id=council.pk,
        changes={
            "person": {"before": None, "after": str(person)},
            "seat": {"before": None, "after": seat.number},
            "decision": {"before": None, "after": str(decision)},
        },
    )
    return membership


@transaction.atomic
def membership_set_role(*, membership: Membership, role: str, by: User | None) -> Membership:
    """Give a membership the role of chair or vice-chair (the result of an election)."""
    membership = Membership.objects.select_for_update().select_related("seat").get(pk=membership.pk)
    before = membership.role
    if role != Membership.Role.MEMBER:
        holders = Membership.objects.filter(
            seat__council_id=membership.seat.council_id, term=membership.term, role=role, ends_on__isnull=True
        ).exclude(pk=membership.pk)
        for holder in holders.select_for_update():
            holder.role = Membership.Role.MEMBER
            holder.save(update_fields=["role", "updated_at"])
            audit.record(actor=by, verb="member.role_changed", target=holder, council_id=membership.seat.council_id,
                         changes={"role": {"before": role, "after": Membership.Role.MEMBER}})
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    audit.record(actor=by, verb="member.role_changed", target=membership, council_id=membership.seat.council_id,
                 changes={"role": {"before": before, "after": role}})
    return membership


@transaction.atomic
def substitute_appoint(
    *, membership: Membership, person: Person, decision: BoardDecision, starts_on: datetime.date, by: User | None
) -> Substitute:
    procedure = rules_in_force(membership.seat.council_id, starts_on)
    if not procedure.uses_substitutes:
        raise RuleViolation([Violation("person", _("Forretningsordenen bruger ikke stedfortrædere."))])
    substitute = Substitute.objects.create(
        membership=membership, person=person, appointment=decision, starts_on=starts_on
    )
    audit.record(actor=by, verb="substitute.appointed", target=substitute, council_id=membership.seat.council_id,
                 changes={"person": {"before": None, "after": str(person)}})
    return substitute
