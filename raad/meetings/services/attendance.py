"""Attendance: writes of meetings (raad.meetings.services.attendance)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import audit
from raad.core.errors import RuleViolation
from raad.core.models import User
from raad.councils.services import ensure_not_archived
from raad.meetings import notify, selectors
from raad.meetings.models import (
    Attendance,
    Meeting,
)
from raad.membership.models import Membership

from .common import email_of


def _attendance(meeting: Meeting, membership: Membership) -> Attendance:
    attendance, _created = Attendance.objects.select_for_update(of=("self",)).get_or_create(
        meeting=meeting, membership=membership
    )
    return attendance


@transaction.atomic
def apology_send(
    *,
    meeting: Meeting,
    membership: Membership,
    by: User | None,
    now: datetime.datetime | None = None,
) -> Attendance:
    """A member sends an apology (afbud); their personal substitute is invited at once by e-mail (R19)."""
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("council").get(pk=meeting.pk)
    ensure_not_archived(meeting.council)
    if meeting.status in (Meeting.Status.HELD, Meeting.Status.CANCELLED):
        raise RuleViolation(_("Mødet er afholdt eller aflyst."))
    rows = {r.membership.pk: r for r in selectors.attendance_rows(meeting)}
    if membership.pk not in rows:
        raise RuleViolation(_("Kun medlemmer af rådet på mødedagen kan melde afbud."))
    procedure = selectors.rules_for(meeting)
    attendance = _attendance(meeting, membership)
    before = attendance.status
    attendance.status = Attendance.Status.APOLOGY
    now = now or timezone.now()
    if before != Attendance.Status.APOLOGY or attendance.apology_at is None:
        attendance.apology_at = now  # an apology sent again keeps its time: the substitute is invited once
    substitute = rows[membership.pk].substitute if procedure.uses_substitutes else None
    if substitute is not None and attendance.substitute_id is None:
        attendance.substitute = substitute
        attendance.substitute_invited_at = now
    attendance.save()
    audit.record(
        actor=by,
        verb="attendance.apology",
        target=attendance,
        council_id=meeting.council_id,
        changes=audit.changed(
            status=(before, attendance.status), substitute=(None, str(substitute.person) if substitute else None)
        ),
    )
    if attendance.substitute is not None:
        notify.queue(
            council=meeting.council_id,
            # the apology's time makes the key new for each apology: one sent again after a withdrawal invites again
            key=f"substitute:{meeting.pk}:{attendance.substitute_id}:{attendance.apology_at.timestamp()}",
            to=email_of(attendance.substitute.person),
            recipient=attendance.substitute.person,
            template="substitute_invitation",
            context=notify.substitute_mail_context(meeting, attendance.substitute.person, membership.person),
        )
    return attendance


@transaction.atomic
def apology_withdraw(
    *,
    meeting: Meeting,
    membership: Membership,
    by: User | None,
    now: datetime.datetime | None = None,
) -> Attendance:
    """The member withdraws their apology until the meeting starts: they are expected again, and the
    substitute invited in their place is no longer (R19)."""
    from raad.councils.rules import reference

    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("council").get(pk=meeting.pk)
    ensure_not_archived(meeting.council)
    now = now or timezone.now()
    if now >= meeting.starts_at or meeting.status in (Meeting.Status.HELD, Meeting.Status.CANCELLED):
        raise RuleViolation(
            _("Et afbud kan kun trækkes tilbage, indtil mødet begynder (%(rule)s).")
            % {"rule": reference("uses_substitutes")}
        )
    attendance = (
        Attendance.objects.select_for_update(of=("self",))
        .select_related("substitute__person")
        .filter(meeting=meeting, membership=membership)
        .first()
    )
    if attendance is None or attendance.status != Attendance.Status.APOLOGY:
        raise RuleViolation(_("Du har ikke meldt afbud til mødet."))
    substitute = attendance.substitute
    apology_at = attendance.apology_at
    attendance.status = Attendance.Status.EXPECTED
    attendance.apology_at = None
    attendance.substitute = None
    attendance.substitute_invited_at = None
    attendance.substitute_present = False
    attendance.no_substitute_confirmed_at = None
    attendance.save(
        update_fields=[
            "status",
            "apology_at",
            "substitute",
            "substitute_invited_at",
            "substitute_present",
            "no_substitute_confirmed_at",
            "updated_at",
        ]
    )
    audit.record(
        actor=by,
        verb="attendance.apology_withdrawn",
        target=attendance,
        council_id=meeting.council_id,
        changes=audit.changed(
            status=(Attendance.Status.APOLOGY, attendance.status),
            substitute=(str(substitute.person) if substitute else None, None),
        ),
    )
    if substitute is not None:
        # the substitute invited in the member's place is told they are no longer summoned (once per withdrawal)
        stamp = apology_at.timestamp() if apology_at is not None else now.timestamp()
        notify.queue(
            council=meeting.council_id,
            key=f"substitute-withdrawn:{meeting.pk}:{substitute.pk}:{stamp}",
            to=email_of(substitute.person),
            recipient=substitute.person,
            template="substitute_withdrawn",
            context=notify.substitute_mail_context(meeting, substitute.person, membership.person),
        )
    return attendance


@transaction.atomic
def apology_confirm(*, attendance: Attendance, by: User | None) -> Attendance:
    """The secretariat confirms an apology where no substitute is called in (the member has none, R19): the
    apology leaves the desk. An apology whose substitute was invited needs no confirmation."""
    attendance = (
        Attendance.objects.select_for_update(of=("self",)).select_related("meeting__council").get(pk=attendance.pk)
    )
    meeting = attendance.meeting
    ensure_not_archived(meeting.council)
    if meeting.status in (Meeting.Status.HELD, Meeting.Status.CANCELLED):
        raise RuleViolation(_("Mødet er afholdt eller aflyst."))
    if attendance.status != Attendance.Status.APOLOGY:
        raise RuleViolation(_("Medlemmet har ikke meldt afbud til mødet."))
    if attendance.substitute_invited_at is not None or attendance.no_substitute_confirmed_at is not None:
        raise RuleViolation(_("Afbuddet er allerede bekræftet."))
    attendance.no_substitute_confirmed_at = timezone.now()
    attendance.save(update_fields=["no_substitute_confirmed_at", "updated_at"])
    audit.record(
        actor=by,
        verb="attendance.apology_confirmed",
        target=attendance,
        council_id=meeting.council_id,
        changes=audit.created(no_substitute=True),
    )
    return attendance


@transaction.atomic
def attendance_register(
    *, meeting: Meeting, present: Iterable[int], substitutes_present: Iterable[int], by: User | None
) -> list[Attendance]:
    """Who is at the meeting: members present (ids of memberships), and substitutes sitting for absent members.
    A substitute sits only in place of an absent member (R19)."""
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("council").get(pk=meeting.pk)
    ensure_not_archived(meeting.council)
    if meeting.status not in (Meeting.Status.NOTICE_SENT, Meeting.Status.HELD):
        raise RuleViolation(_("Fremmøde registreres, når indkaldelsen er sendt."))
    present, substitutes_present = set(present), set(substitutes_present)
    rows = selectors.attendance_rows(meeting)
    changed = []
    for row in rows:
        mid = row.membership.pk
        if mid in present:
            status = Attendance.Status.PRESENT
        elif row.status == Attendance.Status.APOLOGY:
            status = Attendance.Status.APOLOGY
        else:
            status = Attendance.Status.ABSENT
        sub_present = mid in substitutes_present and mid not in present and row.substitute is not None
        attendance = row.attendance or Attendance(meeting=meeting, membership=row.membership)
        if attendance.pk and attendance.status == status and attendance.substitute_present == sub_present:
            continue
        attendance.status = status
        attendance.substitute_present = sub_present
        if sub_present and attendance.substitute_id is None:
            attendance.substitute = row.substitute
        attendance.save()
        changed.append(attendance)
    audit.record(
        actor=by,
        verb="attendance.registered",
        target=meeting,
        council_id=meeting.council_id,
        changes=audit.created(present=sorted(present), substitutes_present=sorted(substitutes_present)),
    )
    return changed


@transaction.atomic
def meeting_set_leader(*, meeting: Meeting, membership: Membership, by: User | None) -> Meeting:
    """The meeting leader (R18): the chair; if absent the vice-chair; else a member elected at the meeting."""
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("council").get(pk=meeting.pk)
    ensure_not_archived(meeting.council)
    rows = {r.membership.pk: r for r in selectors.attendance_rows(meeting)}
    if membership.pk not in rows or not rows[membership.pk].present:
        raise RuleViolation(_("Mødelederen skal være et medlem, der er til stede."))
    meeting.leader = membership
    meeting.save(update_fields=["leader", "updated_at"])
    audit.record(
        actor=by,
        verb="meeting.leader_set",
        target=meeting,
        council_id=meeting.council_id,
        changes=audit.created(leader=str(membership.person)),
    )
    return meeting


@transaction.atomic
def meeting_mark_held(*, meeting: Meeting, by: User | None) -> Meeting:
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("council").get(pk=meeting.pk)
    ensure_not_archived(meeting.council)
    if meeting.status != Meeting.Status.NOTICE_SENT:
        raise RuleViolation(_("Kun et indkaldt møde kan markeres som afholdt."))
    meeting.status = Meeting.Status.HELD
    meeting.save(update_fields=["status", "updated_at"])
    audit.record(
        actor=by,
        verb="meeting.held",
        target=meeting,
        council_id=meeting.council_id,
        changes=audit.changed(status=(Meeting.Status.NOTICE_SENT, Meeting.Status.HELD)),
    )
    return meeting
