"""Nominations: writes of membership (raad.membership.services.nominations)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import audit, filestore
from raad.core.errors import RuleViolation
from raad.core.models import User
from raad.core.redaction import mask_cpr
from raad.core.services import fields_update
from raad.councils.models import Council, Term
from raad.councils.rules import Violation
from raad.councils.selectors import rules_in_force
from raad.councils.services import ensure_not_archived
from raad.membership import notify, rules, selectors
from raad.membership.models import (
    NominatingBody,
    Nomination,
    NominationCall,
    Person,
    Seat,
)
from raad.membership.selectors import memberships_in_force

from .bodies import resolve_residence
from .common import _lock_council
from .decisions import CandidateData

# Each verb written out in the module that records it, so the journal's labels can be checked against them
# (raad/core/tests/test_audit_labels.py reads module-level tables).
_CONFIRM_VERB: dict[str, str] = {
    "candidate": "nomination.confirmed_by_candidate",
    "substitute": "nomination.confirmed_by_substitute",
}


def nomination_call_check(
    *, council: Council, term: Term, deadline: datetime.datetime, seat: Seat | None, now: datetime.datetime
) -> list[Violation]:
    """What refuses a call before it is opened (the preview shows it; `nomination_call_open` raises it)."""
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
    return violations


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
    ensure_not_archived(council)
    now = now or timezone.now()
    violations = nomination_call_check(council=council, term=term, deadline=deadline, seat=seat, now=now)
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
        changes=audit.created(deadline=deadline, seat=seat.number if seat else None, bodies=[b.name for b in bodies]),
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
    ensure_not_archived(council)
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
    # A link is not a mail relay: it takes a bounded number of nominations (each one mails the addresses typed in).
    if Nomination.objects.filter(call=call, nominating_body=nominating_body).count() >= settings.NOMINATIONS_PER_LINK:
        violations.append(
            Violation(
                "",
                _(
                    "Der er allerede modtaget %(n)s indstillinger fra jeres organisation i denne indkaldelse, "
                    "så mange som et link kan tage imod. Kontakt sekretariatet, hvis I vil indstille flere."
                )
                % {"n": settings.NOMINATIONS_PER_LINK},
            )
        )
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
            changes=audit.created(postcode=data.postcode),
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
        changes=audit.created(
            nominating_body=nominating_body.name,
            seat=seat.number,
            residence_needs_confirmation=candidate_residence.needs_confirmation
            or bool(substitute_residence and substitute_residence.needs_confirmation),
        ),
    )
    notify.nomination_received(nomination_id=nomination.pk)
    return nomination


@transaction.atomic
def nomination_submitter_confirm(*, nomination: Nomination, now: datetime.datetime | None = None) -> Nomination:
    """The sender's e-mail address confirms itself through the link it got; only now does it get the receipt
    with the nomination's content. A second confirmation changes nothing and sends nothing."""
    nomination = Nomination.objects.select_for_update(of=("self",)).select_related("call").get(pk=nomination.pk)
    if nomination.submitted_by_confirmed_at is not None or nomination.anonymised_at is not None:
        return nomination
    nomination.submitted_by_confirmed_at = now or timezone.now()
    nomination.save(update_fields=["submitted_by_confirmed_at"])
    audit.record(
        actor=None, verb="nomination.submitter_confirmed", target=nomination, council_id=nomination.call.council_id
    )
    notify.nomination_receipt(nomination_id=nomination.pk)
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
        .select_related("call__council", "candidate", "substitute_candidate")
        .get(pk=nomination.pk)
    )
    ensure_not_archived(nomination.call.council)
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
        photo.seek(0)  # the form read it to check it is an image
        filestore.store_upload(person.photo, photo.name, photo.read(), field="photo")
    person.publish_photo = bool(publish_photo and person.photo)
    person.consent_recorded_at = now
    person.save(update_fields=["bio", "publish_bio", "photo", "publish_photo", "consent_recorded_at", "updated_at"])
    audit.record(
        actor=None,
        verb=_CONFIRM_VERB[who],
        target=nomination,
        council_id=nomination.call.council_id,
        changes=audit.changed(publish_bio=(False, person.publish_bio), publish_photo=(False, person.publish_photo)),
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
    return fields_update(
        instance=nomination,
        fields=WITHDRAWAL_FIELDS,
        data={
            "status": Nomination.Status.WITHDRAWN,
            "withdrawn_on": timezone.localdate(),
            "withdrawal_reason": reason,
        },
        verb="nomination.withdrawn",
        by=by,
        council_id=council_id,
        record_unchanged=True,
    )
