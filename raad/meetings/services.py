"""Every write about meetings: plan, agenda, notice, attendance, votes and decisions, minutes."""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Iterable
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from raad.core import audit, documents, mail
from raad.core.errors import RuleViolation
from raad.core.i18n import in_council_language
from raad.core.links import absolute_url
from raad.core.minority import minority_statement_cleaned
from raad.core.models import User
from raad.core.text import clean_html, clean_text
from raad.councils.models import Council, Purpose
from raad.councils.rules import Violation, reference
from raad.councils.selectors import current_term, rules_in_force
from raad.meetings import notify, rules, selectors
from raad.meetings.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Ballot,
    CalendarToken,
    ConflictDeclaration,
    Decision,
    ExtraordinaryRequest,
    ExtraordinarySupport,
    Meeting,
    MinorityStatement,
    Minutes,
    MinutesEntry,
    MinutesResponse,
    MinutesVersion,
    Vote,
)
from raad.membership.models import Membership
from raad.membership.selectors import memberships_in_force


def _official(func, *args):
    """Texts that become part of the record (rule names, minutes) are written in Danish, whoever is logged in."""
    with in_council_language():
        return func(*args)


def email_of(person) -> str:
    """Where to write to a person: their own address, else their login's."""
    if person.email:
        return person.email
    user = getattr(person, "user", None)
    return user.email if user is not None else ""


# --- Plan ---------------------------------------------------------------------------------------------

MEETING_FIELDS = ("kind", "starts_at", "ends_at", "place", "address", "accessibility_note", "online_link", "reason")


@transaction.atomic
def meeting_plan(
    *,
    council: Council,
    starts_at: datetime.datetime,
    place: str,
    kind: str = Meeting.Kind.ORDINARY,
    ends_at: datetime.datetime | None = None,
    address: str = "",
    accessibility_note: str = "",
    online_link: str = "",
    reason: str = "",
    extraordinary_request: ExtraordinaryRequest | None = None,
    by: User | None,
) -> Meeting:
    """Put a meeting in the council's plan (R13); an extraordinary meeting may answer members' request (R14)."""
    violations = _meeting_violations(council=council, kind=kind, starts_at=starts_at, ends_at=ends_at, reason=reason)
    if violations:
        raise RuleViolation(violations)
    meeting = Meeting.objects.create(
        council=council,
        term=current_term(council, timezone.localtime(starts_at).date()),
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        place=clean_text(place),
        address=clean_text(address),
        accessibility_note=clean_text(accessibility_note),
        online_link=online_link,
        reason=clean_text(reason),
    )
    audit.record(
        actor=by,
        verb="meeting.planned",
        target=meeting,
        council_id=council.pk,
        changes=audit.diff({}, audit.snapshot(meeting, MEETING_FIELDS)),
    )
    if extraordinary_request is not None:
        request = ExtraordinaryRequest.objects.select_for_update(of=("self",)).get(
            pk=extraordinary_request.pk, council=council
        )
        if request.meeting_id is None:
            request.meeting = meeting
            request.save(update_fields=["meeting", "updated_at"])
            audit.record(
                actor=by,
                verb="extraordinary_request.called",
                target=request,
                council_id=council.pk,
                changes={"meeting": {"before": None, "after": str(meeting)}},
            )
    return meeting


def _meeting_violations(*, council, kind, starts_at, ends_at, reason, exclude_pk=None) -> list[Violation]:
    violations = []
    if starts_at.tzinfo is None:
        raise ValueError("starts_at must be aware")
    if ends_at is not None and ends_at <= starts_at:
        violations.append(Violation("ends_at", _("Mødet skal slutte efter, det begynder.")))
    if kind == Meeting.Kind.EXTRAORDINARY and not (reason or "").strip():
        violations.append(
            Violation(
                "reason",
                _("Et ekstraordinært møde skal have en begrundelse (%(rule)s).")
                % {"rule": reference("extraordinary_numerator")},
            )
        )
    if kind == Meeting.Kind.CONSTITUENT:
        term = current_term(council, timezone.localtime(starts_at).date())
        if (
            term is not None
            and Meeting.objects.filter(council=council, term=term, kind=Meeting.Kind.CONSTITUENT)
            .exclude(pk=exclude_pk)
            .exclude(status=Meeting.Status.CANCELLED)
            .exists()
        ):
            violations.append(Violation("kind", _("Valgperioden har allerede et konstituerende møde.")))
    return violations


@transaction.atomic
def meeting_update(*, meeting: Meeting, data: dict[str, Any], by: User) -> Meeting:
    meeting = Meeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
    if meeting.status in (Meeting.Status.HELD, Meeting.Status.CANCELLED):
        raise RuleViolation(_("Et afholdt eller aflyst møde kan ikke ændres."))
    values = {name: data.get(name, getattr(meeting, name)) for name in MEETING_FIELDS}
    violations = _meeting_violations(
        council=meeting.council,
        kind=values["kind"],
        starts_at=values["starts_at"],
        ends_at=values["ends_at"],
        reason=values["reason"],
        exclude_pk=meeting.pk,
    )
    if violations:
        raise RuleViolation(violations)
    before = audit.snapshot(meeting, MEETING_FIELDS)
    for name in MEETING_FIELDS:
        value = values[name]
        setattr(
            meeting, name, clean_text(value) if name in ("place", "address", "accessibility_note", "reason") else value
        )
    meeting.save(update_fields=[*MEETING_FIELDS, "updated_at"])
    audit.record(
        actor=by,
        verb="meeting.updated",
        target=meeting,
        council_id=meeting.council_id,
        changes=audit.diff(before, audit.snapshot(meeting, MEETING_FIELDS)),
    )
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, by: User) -> Meeting:
    meeting = Meeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
    if meeting.status == Meeting.Status.HELD:
        raise RuleViolation(_("Et afholdt møde kan ikke aflyses."))
    before = meeting.status
    meeting.status = Meeting.Status.CANCELLED
    meeting.save(update_fields=["status", "updated_at"])
    audit.record(
        actor=by,
        verb="meeting.cancelled",
        target=meeting,
        council_id=meeting.council_id,
        changes={"status": {"before": before, "after": meeting.status}},
    )
    return meeting


# --- Agenda ------------------------------------------------------------------------------------------

ITEM_FIELDS = ("kind", "title", "case_presentation", "proposed_decision", "is_closed", "position")


def _check_open_for_items(meeting: Meeting) -> None:
    if meeting.status in (Meeting.Status.HELD, Meeting.Status.CANCELLED):
        raise RuleViolation(_("Dagsordenen for et afholdt eller aflyst møde kan ikke ændres."))


def _purposes_of(meeting: Meeting, purposes: Iterable[Purpose]) -> list[Purpose]:
    purposes = list(purposes)
    if any(p.terms_of_reference.council_id != meeting.council_id for p in purposes):
        raise RuleViolation(_("Formålet hører til et andet råds kommissorium."))
    return purposes


@transaction.atomic
def item_add(
    *,
    meeting: Meeting,
    title: str,
    kind: str = AgendaItem.Kind.DECISION,
    case_presentation: str = "",
    proposed_decision: str = "",
    is_closed: bool = False,
    purposes: Iterable[Purpose] = (),
    by: User | None,
) -> AgendaItem:
    """The secretariat puts an item on the agenda."""
    meeting = Meeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
    _check_open_for_items(meeting)
    purposes = _purposes_of(meeting, purposes)
    position = (AgendaItem.objects.filter(meeting=meeting).aggregate(m=Max("position"))["m"] or 0) + 1
    item = AgendaItem.objects.create(
        meeting=meeting,
        position=position,
        kind=kind,
        title=clean_text(title),
        case_presentation=clean_html(case_presentation),
        proposed_decision=clean_text(proposed_decision),
        is_closed=is_closed,
    )
    item.purposes.set(purposes)
    audit.record(
        actor=by,
        verb="agenda_item.added",
        target=item,
        council_id=meeting.council_id,
        changes=audit.diff({}, audit.snapshot(item, ITEM_FIELDS)),
    )
    return item


@transaction.atomic
def item_update(*, item: AgendaItem, data: dict[str, Any], by: User) -> AgendaItem:
    item = AgendaItem.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=item.pk)
    _check_open_for_items(item.meeting)
    before = audit.snapshot(item, ITEM_FIELDS)
    cleaners = {"title": clean_text, "case_presentation": clean_html, "proposed_decision": clean_text}
    for name in ITEM_FIELDS:
        if name in data:
            setattr(item, name, cleaners.get(name, lambda v: v)(data[name]))
    item.save(update_fields=[*ITEM_FIELDS, "updated_at"])
    if "purposes" in data:
        item.purposes.set(_purposes_of(item.meeting, data["purposes"]))
    audit.record(
        actor=by,
        verb="agenda_item.updated",
        target=item,
        council_id=item.meeting.council_id,
        changes=audit.diff(before, audit.snapshot(item, ITEM_FIELDS)),
    )
    return item


def individual_case_refusal(council: Council) -> str:
    return _(
        "Rådet kan ikke behandle enkeltsager, dvs. en enkelt persons egen sag (kommissoriet; R9). "
        "Personen kan henvende sig til den relevante afdeling i %(municipality)s, fx Borgerservice eller "
        "Jobcenter, eller få råd hos sekretariatet (%(email)s). Et principielt spørgsmål, som sagen rejser, "
        "kan foreslås som et generelt punkt uden personoplysninger."
    ) % {"municipality": council.municipality.name, "email": council.contact_email}


def item_propose(
    *, meeting: Meeting, membership: Membership, individual_case: bool, by: User | None, **fields: Any
) -> AgendaItem:
    """A member proposes an item. After the item deadline it is marked late and needs an admission vote
    at the meeting (R15). One person's own case is refused with a referral and nothing of it is stored (R9):
    the refusal itself is journalled (who, when; not the text) in its own transaction."""
    if individual_case:
        _item_refuse_individual_case(meeting=meeting, membership=membership, by=by)
        raise RuleViolation([Violation("individual_case", individual_case_refusal(meeting.council))])
    return _item_propose(meeting=meeting, membership=membership, by=by, **fields)


@transaction.atomic
def _item_refuse_individual_case(*, meeting: Meeting, membership: Membership, by: User | None) -> None:
    audit.record(
        actor=by,
        verb="agenda_item.refused_individual_case",
        target=meeting,
        council_id=meeting.council_id,
        changes={"proposed_by": {"before": None, "after": str(membership.person)}},
    )


@transaction.atomic
def _item_propose(
    *,
    meeting: Meeting,
    membership: Membership,
    title: str,
    kind: str = AgendaItem.Kind.DISCUSSION,
    case_presentation: str = "",
    proposed_decision: str = "",
    purposes: Iterable[Purpose] = (),
    by: User | None,
    now: datetime.datetime | None = None,
) -> AgendaItem:
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("council__municipality").get(pk=meeting.pk)
    if membership.seat.council_id != meeting.council_id:
        raise RuleViolation(_("Kun rådets medlemmer kan foreslå punkter."))
    _check_open_for_items(meeting)
    now = now or timezone.now()
    procedure = selectors.rules_for(meeting)
    late = rules.is_late(now, meeting.starts_at, procedure.member_item_deadline_days)
    purposes = _purposes_of(meeting, purposes)
    position = (AgendaItem.objects.filter(meeting=meeting).aggregate(m=Max("position"))["m"] or 0) + 1
    item = AgendaItem.objects.create(
        meeting=meeting,
        position=position,
        kind=kind,
        title=clean_text(title),
        case_presentation=clean_html(case_presentation),
        proposed_decision=clean_text(proposed_decision),
        proposed_by=membership,
        proposed_at=now,
        is_late=late,
        admission=AgendaItem.Admission.PENDING if late else AgendaItem.Admission.NOT_NEEDED,
    )
    item.purposes.set(purposes)
    audit.record(
        actor=by,
        verb="agenda_item.proposed",
        target=item,
        council_id=meeting.council_id,
        changes={**audit.diff({}, audit.snapshot(item, ITEM_FIELDS)), "late": {"before": None, "after": late}},
    )
    return item


# What an agenda item may have attached (checked by content).
ATTACHMENT_TYPES = (documents.PDF, documents.DOCX, documents.DOC, documents.PNG, documents.JPEG)


@transaction.atomic
def attachment_add(
    *, item: AgendaItem, title: str, upload: UploadedFile, is_closed: bool = False, by: User | None
) -> Attachment:
    """Attach a file. Its type (PDF, Word, PNG, JPEG) and size are checked by its content, not its name."""
    item = AgendaItem.objects.select_related("meeting").get(pk=item.pk)
    _check_open_for_items(item.meeting)
    data = upload.read(documents.max_upload_bytes() + 1)
    content_type, extension = documents.check_upload(data, accepted=ATTACHMENT_TYPES)
    name = f"bilag.{extension}"
    attachment = Attachment(
        item=item,
        title=clean_text(title) or name,
        content_type=content_type,
        size=len(data),
        is_closed=is_closed or item.is_closed,
    )
    attachment.file.save(name, ContentFile(data), save=False)
    attachment.save()
    audit.record(
        actor=by,
        verb="attachment.added",
        target=attachment,
        council_id=item.meeting.council_id,
        changes={"title": {"before": None, "after": attachment.title}, "type": {"before": None, "after": content_type}},
    )
    return attachment


# --- Notice ------------------------------------------------------------------------------------------


@transaction.atomic
def meeting_send_notice(*, meeting: Meeting, by: User | None, now: datetime.datetime | None = None) -> Meeting:
    """Send the agenda (indkaldelse): members get an e-mail after commit; the open items become public."""
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("council").get(pk=meeting.pk)
    if meeting.status != Meeting.Status.PLANNED:
        raise RuleViolation(_("Indkaldelsen er allerede sendt, eller mødet er afholdt eller aflyst."))
    if not AgendaItem.objects.filter(meeting=meeting).exists():
        raise RuleViolation(_("Dagsordenen har ingen punkter."))
    now = now or timezone.now()
    meeting.status = Meeting.Status.NOTICE_SENT
    meeting.notice_sent_at = now
    meeting.save(update_fields=["status", "notice_sent_at", "updated_at"])
    deadline = selectors.deadlines(meeting).notice_deadline
    audit.record(
        actor=by,
        verb="meeting.notice_sent",
        target=meeting,
        council_id=meeting.council_id,
        changes={
            "status": {"before": Meeting.Status.PLANNED, "after": meeting.status},
            "after_deadline": {"before": None, "after": now > deadline},
        },
    )
    with mail.batch():  # one insert for all the mails, not one each
        for membership in memberships_in_force(meeting.council_id, selectors.local_date(meeting)).select_related(
            "person__user"
        ):
            notify.queue(
                council=meeting.council_id,
                key=f"notice:{meeting.pk}:{membership.pk}",
                to=email_of(membership.person),
                recipient=membership.person,
                template="notice",
                context={"meeting": meeting, "person": membership.person, "url": absolute_url(meeting)},
            )
    return meeting


# --- Attendance --------------------------------------------------------------------------------------


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
    attendance.apology_at = now
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
        changes={
            "status": {"before": before, "after": attendance.status},
            "substitute": {"before": None, "after": str(substitute.person) if substitute else None},
        },
    )
    if attendance.substitute is not None:
        notify.queue(
            council=meeting.council_id,
            key=f"substitute:{meeting.pk}:{attendance.substitute_id}",
            to=email_of(attendance.substitute.person),
            recipient=attendance.substitute.person,
            template="substitute_invitation",
            context={
                "meeting": meeting,
                "substitute": attendance.substitute.person,
                "member": membership.person,
                "url": absolute_url(meeting),
            },
        )
    return attendance


@transaction.atomic
def attendance_register(
    *, meeting: Meeting, present: Iterable[int], substitutes_present: Iterable[int], by: User | None
) -> list[Attendance]:
    """Who is at the meeting: members present (ids of memberships), and substitutes sitting for absent members.
    A substitute sits only in place of an absent member (R19)."""
    meeting = Meeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
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
        changes={
            "present": {"before": None, "after": sorted(present)},
            "substitutes_present": {"before": None, "after": sorted(substitutes_present)},
        },
    )
    return changed


@transaction.atomic
def meeting_set_leader(*, meeting: Meeting, membership: Membership, by: User | None) -> Meeting:
    """The meeting leader (R18): the chair; if absent the vice-chair; else a member elected at the meeting."""
    meeting = Meeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
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
        changes={"leader": {"before": None, "after": str(membership.person)}},
    )
    return meeting


@transaction.atomic
def meeting_mark_held(*, meeting: Meeting, by: User | None) -> Meeting:
    meeting = Meeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
    if meeting.status != Meeting.Status.NOTICE_SENT:
        raise RuleViolation(_("Kun et indkaldt møde kan markeres som afholdt."))
    meeting.status = Meeting.Status.HELD
    meeting.save(update_fields=["status", "updated_at"])
    audit.record(
        actor=by,
        verb="meeting.held",
        target=meeting,
        council_id=meeting.council_id,
        changes={"status": {"before": Meeting.Status.NOTICE_SENT, "after": Meeting.Status.HELD}},
    )
    return meeting


# --- During the meeting ------------------------------------------------------------------------------


def _check_running(meeting: Meeting) -> None:
    if meeting.status != Meeting.Status.NOTICE_SENT:
        raise RuleViolation(_("Der kan kun træffes beslutninger på et indkaldt møde, der ikke er afsluttet."))


@transaction.atomic
def conflict_declare(*, item: AgendaItem, membership: Membership, reason: str, by: User | None) -> ConflictDeclaration:
    """A member declares a conflict of interest (inhabilitet) and takes no part in the item (R26)."""
    item = AgendaItem.objects.select_related("meeting").get(pk=item.pk)
    _check_running(item.meeting)
    if hasattr(item, "decision"):
        raise RuleViolation(_("Punktet er allerede afgjort."))
    if membership.seat.council_id != item.meeting.council_id:
        raise RuleViolation(_("Kun rådets medlemmer kan erklære sig inhabile."))
    declaration, created = ConflictDeclaration.objects.get_or_create(
        item=item, membership=membership, defaults={"reason": clean_text(reason)}
    )
    if created:
        audit.record(
            actor=by,
            verb="conflict.declared",
            target=declaration,
            council_id=item.meeting.council_id,
            changes={"member": {"before": None, "after": str(membership.person)}},
        )
    return declaration


def _vote(
    *,
    item: AgendaItem,
    subject: str,
    votes_for: int,
    votes_against: int,
    abstentions: int,
    method: str,
    ballots: dict[int, str] | None,
    chair_vote: str,
    by: User | None,
) -> tuple[Vote, rules.VoteResult]:
    meeting = item.meeting
    procedure = selectors.rules_for(meeting)
    rows = selectors.attendance_rows(meeting)
    q = selectors.quorum_for(meeting, item, rows=rows, procedure=procedure)
    if not q.quorate:
        raise RuleViolation([Violation("votes_for", q.message)])
    conflict_ids = {c.membership_id for c in item.conflicts.all()}
    eligible_ids = {r.membership.pk for r in rows if r.counts} - conflict_ids
    if method == Vote.Method.BY_NAME:
        ballots = ballots or {}
        barred = set(ballots) - eligible_ids
        if barred:
            names = ", ".join(str(r.membership.person) for r in rows if r.membership.pk in barred)
            raise RuleViolation(
                [
                    Violation(
                        "ballots",
                        _("Kun tilstedeværende medlemmer, der ikke er inhabile, kan stemme: %(names)s (%(rule)s).")
                        % {"names": names, "rule": reference("recused_count_toward_quorum")},
                    )
                ]
            )
        votes_for = sum(1 for c in ballots.values() if c == Ballot.Choice.FOR)
        votes_against = sum(1 for c in ballots.values() if c == Ballot.Choice.AGAINST)
        abstentions = sum(1 for c in ballots.values() if c == Ballot.Choice.ABSTAIN)
    problems = rules.vote_count_problems(
        votes_for=votes_for, votes_against=votes_against, abstentions=abstentions, eligible=len(eligible_ids)
    )
    if problems:
        raise RuleViolation([Violation("votes_for", p) for p in problems])
    try:
        result = rules.vote_result(
            votes_for=votes_for, votes_against=votes_against, tie_rule=procedure.tie_rule, chair_vote=chair_vote or None
        )
    except rules.TieNeedsChairVote as error:
        raise RuleViolation([Violation("chair_vote", str(error))]) from None
    vote = Vote.objects.create(
        item=item,
        subject=subject,
        method=method,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        chair_vote=chair_vote if result.rule == rules.TIE_CHAIR_DECIDES else "",
        members=q.members,
        present=q.present,
        recused=q.recused,
        quorum_required=q.required,
        outcome=result.outcome,
        rule_applied=result.rule,
        rule_text=_official(lambda: result.rule_label)[:300],
        recorded_by=by,
    )
    if method == Vote.Method.BY_NAME:
        row_by_id = {r.membership.pk: r for r in rows}
        Ballot.objects.bulk_create(
            [
                Ballot(
                    vote=vote,
                    membership_id=mid,
                    choice=choice,
                    by_substitute=not row_by_id[mid].present and row_by_id[mid].substitute_present,
                )
                for mid, choice in sorted((ballots or {}).items())
            ]
        )
    return vote, result


@transaction.atomic
def item_admission_vote(
    *, item: AgendaItem, votes_for: int, votes_against: int, abstentions: int = 0, chair_vote: str = "", by: User | None
) -> Vote:
    """The recorded vote on admitting a late item (R15): admitted by majority, with the tie rule."""
    item = AgendaItem.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=item.pk)
    _check_running(item.meeting)
    if item.admission != AgendaItem.Admission.PENDING:
        raise RuleViolation(_("Punktet venter ikke på en afstemning om optagelse."))
    vote, result = _vote(
        item=item,
        subject=Vote.Subject.ADMISSION,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        method=Vote.Method.COUNTS,
        ballots=None,
        chair_vote=chair_vote,
        by=by,
    )
    item.admission = AgendaItem.Admission.ADMITTED if result.adopted else AgendaItem.Admission.REFUSED
    item.save(update_fields=["admission", "updated_at"])
    audit.record(
        actor=by,
        verb="agenda_item.admission_voted",
        target=item,
        council_id=item.meeting.council_id,
        changes={
            "admission": {"before": AgendaItem.Admission.PENDING, "after": item.admission},
            "votes": {"before": None, "after": [votes_for, votes_against, abstentions]},
            "rule": {"before": None, "after": result.rule},
        },
    )
    return vote


@transaction.atomic
def item_decide(
    *,
    item: AgendaItem,
    text: str,
    votes_for: int = 0,
    votes_against: int = 0,
    abstentions: int = 0,
    method: str = Vote.Method.COUNTS,
    ballots: dict[int, str] | None = None,
    chair_vote: str = "",
    by: User | None,
    now: datetime.datetime | None = None,
) -> Decision:
    """Record the outcome of an item. A decision item is voted on: simple majority, the rules' tie rule, and
    the result names the rule applied (R17). Nothing is recorded without quorum (R16); members with a
    conflict of interest do not vote (R26)."""
    item = AgendaItem.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=item.pk)
    _check_running(item.meeting)
    if Decision.objects.filter(item=item).exists():
        raise RuleViolation(_("Punktet er allerede afgjort."))
    if not item.can_be_treated:
        raise RuleViolation(
            _("Et for sent foreslået punkt kan først behandles, når mødet har stemt det på dagsordenen (%(rule)s).")
            % {"rule": reference("member_item_deadline_days")}
        )
    if item.kind == AgendaItem.Kind.DECISION:
        vote, result = _vote(
            item=item,
            subject=Vote.Subject.DECISION,
            votes_for=votes_for,
            votes_against=votes_against,
            abstentions=abstentions,
            method=method,
            ballots=ballots,
            chair_vote=chair_vote,
            by=by,
        )
        outcome = Decision.Outcome.ADOPTED if result.adopted else Decision.Outcome.REJECTED
        rule_text = _official(lambda: result.rule_label)
    else:
        q = selectors.quorum_for(item.meeting, item)
        if not q.quorate:
            raise RuleViolation([Violation("text", q.message)])
        vote, rule_text = None, ""
        outcome = Decision.Outcome.NOTED if item.kind == AgendaItem.Kind.INFORMATION else Decision.Outcome.DISCUSSED
    decision = Decision.objects.create(
        item=item,
        vote=vote,
        text=clean_text(text),
        outcome=outcome,
        rule_applied=rule_text,
        decided_at=now or timezone.now(),
    )
    audit.record(
        actor=by,
        verb="decision.recorded",
        target=decision,
        council_id=item.meeting.council_id,
        changes={"outcome": {"before": None, "after": outcome}, "rule": {"before": None, "after": rule_text}},
    )
    return decision


@transaction.atomic
def minority_statement_add(*, decision: Decision, members: str, text: str, by: User | None) -> MinorityStatement:
    """A minority's dissent, word for word (R22); validated and CPR numbers masked as every minority statement
    is (core.minority)."""
    decision = Decision.objects.select_related("item__meeting").get(pk=decision.pk)
    if Minutes.objects.filter(meeting=decision.item.meeting, status=Minutes.Status.APPROVED).exists():
        raise RuleViolation(_("Referatet er godkendt; en mindretalsudtalelse kan ikke tilføjes nu."))
    statement = MinorityStatement.objects.create(
        decision=decision, **minority_statement_cleaned(members=members, text=text)
    )
    audit.record(
        actor=by,
        verb="minority_statement.recorded",
        target=statement,
        council_id=decision.item.meeting.council_id,
        changes={"members": {"before": None, "after": statement.members}},
    )
    return statement


# --- Minutes -----------------------------------------------------------------------------------------


def _entry_prefill(item: AgendaItem) -> str:
    lines = []
    conflicts = list(item.conflicts.all())
    for c in conflicts:
        lines.append(
            _("%(name)s erklærede sig inhabil og deltog ikke i behandlingen af punktet.")
            % {"name": c.membership.person}
        )
    if item.is_late:
        lines.append(
            _("Punktet blev foreslået efter fristen. Optagelse: %(status)s.") % {"status": item.get_admission_display()}
        )
    decision = getattr(item, "decision", None)
    if decision is not None:
        lines.append(_("Beslutning: %(text)s") % {"text": decision.text})
        if decision.vote is not None:
            v = decision.vote
            lines.append(
                _("Afstemning: %(f)s for, %(a)s imod, %(u)s undlod. %(outcome)s efter reglen om %(rule)s.")
                % {
                    "f": v.votes_for,
                    "a": v.votes_against,
                    "u": v.abstentions,
                    "outcome": decision.get_outcome_display(),
                    "rule": decision.rule_applied,
                }
            )
        for s in decision.minority_statements.all():
            lines.append(_("Mindretalsudtalelse fra %(members)s: »%(text)s«") % {"members": s.members, "text": s.text})
    return "\n\n".join(lines)


@transaction.atomic
def minutes_start(*, meeting: Meeting, by: User | None) -> Minutes:
    """The secretariat starts the minutes from the decisions of a held meeting."""
    meeting = Meeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
    if meeting.status != Meeting.Status.HELD:
        raise RuleViolation(_("Referatet skrives, når mødet er afholdt."))
    existing = Minutes.objects.filter(meeting=meeting).first()
    if existing is not None:
        return existing
    minutes = Minutes.objects.create(meeting=meeting, edited_by=by if by and by.pk else None)
    MinutesEntry.objects.bulk_create(
        [
            MinutesEntry(minutes=minutes, item=item, text=_official(_entry_prefill, item))
            for item in selectors.agenda_items(meeting)
        ]
    )
    audit.record(actor=by, verb="minutes.started", target=minutes, council_id=meeting.council_id)
    return minutes


class MinutesConflict(RuleViolation):
    """Someone else saved the draft first. Nothing was written; `current` is what they saved."""

    def __init__(self, minutes: Minutes):
        self.current = minutes
        editor = str(minutes.edited_by) if minutes.edited_by else _("en anden")
        super().__init__(
            _(
                "%(name)s har gemt referatet, mens du skrev (version %(rev)s). Din tekst er ikke gemt: "
                "se den anden tekst nedenfor, indarbejd dine ændringer og gem igen."
            )
            % {"name": editor, "rev": minutes.revision}
        )


@transaction.atomic
def minutes_save_draft(
    *, minutes: Minutes, revision: int, introduction: str, entries: dict[int, str], by: User | None
) -> Minutes:
    """Save the draft if nobody saved since `revision` was read (optimistic concurrency): else refuse and
    show the other's text, so nobody's words are lost. Saving a circulated draft takes it back to draft."""
    locked = Minutes.objects.select_for_update(of=("self",)).select_related("edited_by", "meeting").get(pk=minutes.pk)
    if locked.status == Minutes.Status.APPROVED:
        raise RuleViolation(_("Godkendte referater kan ikke ændres; lav en rettelse i stedet."))
    if locked.revision != revision:
        raise MinutesConflict(locked)
    before = locked.status
    locked.introduction = clean_text(introduction)
    locked.status = Minutes.Status.DRAFT
    locked.edited_by = by if by and by.pk else None
    locked.revision = F("revision") + 1
    locked.save(update_fields=["introduction", "status", "edited_by", "revision", "updated_at"])
    for entry in MinutesEntry.objects.filter(minutes=locked, item_id__in=list(entries)):
        entry.text = clean_text(entries[entry.item_id])
        entry.save(update_fields=["text", "updated_at"])
    locked.refresh_from_db()
    audit.record(
        actor=by,
        verb="minutes.draft_saved",
        target=locked,
        council_id=locked.meeting.council_id,
        changes={
            "revision": {"before": revision, "after": locked.revision},
            "status": {"before": before, "after": locked.status},
        },
    )
    return locked


@transaction.atomic
def minutes_circulate(*, minutes: Minutes, by: User | None, now: datetime.datetime | None = None) -> Minutes:
    """Send the draft to the members for approval by circulation within the rules' days (R21)."""
    minutes = Minutes.objects.select_for_update(of=("self",)).select_related("meeting__council").get(pk=minutes.pk)
    if minutes.status != Minutes.Status.DRAFT:
        raise RuleViolation(_("Kun et udkast kan rundsendes."))
    procedure = selectors.rules_for(minutes.meeting)
    minutes.status = Minutes.Status.CIRCULATED
    minutes.circulated_at = now or timezone.now()
    minutes.approval_due_on = timezone.localdate(minutes.circulated_at) + datetime.timedelta(
        days=procedure.minutes_circulation_days
    )
    minutes.save(update_fields=["status", "circulated_at", "approval_due_on", "updated_at"])
    audit.record(
        actor=by,
        verb="minutes.circulated",
        target=minutes,
        council_id=minutes.meeting.council_id,
        changes={"approval_due_on": {"before": None, "after": minutes.approval_due_on}},
    )
    meeting = minutes.meeting
    with mail.batch():  # one insert for all the mails, not one each
        for membership in memberships_in_force(meeting.council_id, selectors.local_date(meeting)).select_related(
            "person__user"
        ):
            notify.queue(
                council=meeting.council_id,
                key=f"minutes-circulated:{minutes.pk}:{minutes.revision}:{membership.pk}",
                to=email_of(membership.person),
                recipient=membership.person,
                template="minutes_circulated",
                context={
                    "meeting": meeting,
                    "minutes": minutes,
                    "person": membership.person,
                    "due": minutes.approval_due_on,
                    "url": absolute_url(meeting),
                },
            )
    return minutes


# Each verb written out, so the journal's labels can be checked against them (raad/core/tests/test_audit_labels.py).
_RESPONSE_VERB: dict[str, str] = {
    MinutesResponse.Kind.APPROVE: "minutes.approve",
    MinutesResponse.Kind.OBJECT: "minutes.object",
}


@transaction.atomic
def minutes_respond(
    *, minutes: Minutes, membership: Membership, kind: str, comment: str = "", by: User | None
) -> MinutesResponse:
    """A member approves the circulated draft or objects with a comment."""
    if kind not in _RESPONSE_VERB:
        raise RuleViolation([Violation("kind", _("Vælg, om du godkender eller gør indsigelse."))])
    minutes = Minutes.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=minutes.pk)
    if minutes.status != Minutes.Status.CIRCULATED:
        raise RuleViolation(_("Referatet er ikke rundsendt til godkendelse."))
    if membership.seat.council_id != minutes.meeting.council_id:
        raise RuleViolation(_("Kun rådets medlemmer kan svare på referatet."))
    if kind == MinutesResponse.Kind.OBJECT and not comment.strip():
        raise RuleViolation([Violation("comment", _("Skriv, hvad du gør indsigelse mod."))])
    response, _created = MinutesResponse.objects.update_or_create(
        minutes=minutes,
        revision=minutes.revision,
        membership=membership,
        defaults={"kind": kind, "comment": clean_text(comment)},
    )
    audit.record(
        actor=by,
        verb=_RESPONSE_VERB[kind],
        target=minutes,
        council_id=minutes.meeting.council_id,
        changes={"member": {"before": None, "after": str(membership.person)}},
    )
    return response


def _minutes_content(minutes: Minutes) -> dict[str, Any]:
    meeting = minutes.meeting
    rows = selectors.attendance_rows(meeting)
    items = {i.pk: i for i in selectors.agenda_items(meeting)}
    entries = MinutesEntry.objects.filter(minutes=minutes).select_related("item").order_by("item__position", "id")
    content_items = []
    for entry in entries:
        item = items[entry.item_id]
        decision = getattr(item, "decision", None)
        content_items.append(
            {
                "item_id": item.pk,
                "position": item.position,
                "title": item.title,
                "kind": item.kind,
                "closed": item.is_closed,
                "text": entry.text,
                "outcome": decision.outcome if decision else "",
            }
        )
    return {
        "introduction": minutes.introduction,
        "attendance": {
            "present": [str(r.membership.person) for r in rows if r.present],
            "apologies": [str(r.membership.person) for r in rows if r.status == Attendance.Status.APOLOGY],
            "substitutes": [str(r.substitute.person) for r in rows if r.substitute_present and r.substitute],
        },
        "items": content_items,
        "approved_on": (
            timezone.localdate(minutes.approved_at) if minutes.approved_at else timezone.localdate()
        ).isoformat(),
    }


@transaction.atomic
def minutes_approve(
    *,
    minutes: Minutes,
    how: str,
    at_meeting: Meeting | None = None,
    by: User | None,
    today: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> MinutesVersion:
    """Approve the minutes (R21), by circulation (no objections, and the days have passed or every member
    approved) or at a later meeting. The approved text is frozen as version 1."""
    minutes = Minutes.objects.select_for_update(of=("self",)).select_related("meeting__council").get(pk=minutes.pk)
    today = today or (timezone.localdate(now) if now else timezone.localdate())
    if minutes.status == Minutes.Status.APPROVED:
        raise RuleViolation(_("Referatet er allerede godkendt."))
    if how == Minutes.Approval.CIRCULATION:
        if minutes.status != Minutes.Status.CIRCULATED:
            raise RuleViolation(_("Referatet skal rundsendes, før det kan godkendes ved rundsendelse."))
        responses = list(MinutesResponse.objects.filter(minutes=minutes, revision=minutes.revision))
        if any(r.kind == MinutesResponse.Kind.OBJECT for r in responses):
            raise RuleViolation(
                _(
                    "Der er indsigelser mod referatet. Ret udkastet og rundsend det igen, eller "
                    "godkend det på næste møde (%(rule)s)."
                )
                % {"rule": reference("minutes_approval")}
            )
        members = set(
            memberships_in_force(minutes.meeting.council_id, selectors.local_date(minutes.meeting)).values_list(
                "pk", flat=True
            )
        )
        approved = {r.membership_id for r in responses if r.kind == MinutesResponse.Kind.APPROVE}
        due = minutes.approval_due_on or today
        if today <= due and not members <= approved:
            raise RuleViolation(
                _(
                    "Fristen for indsigelser udløber %(date)s; indtil da kan referatet kun godkendes, "
                    "når alle medlemmer har godkendt det (%(rule)s)."
                )
                % {
                    "date": date_format(due, "j. F Y"),
                    "rule": reference("minutes_circulation_days"),
                }
            )
    elif how == Minutes.Approval.NEXT_MEETING:
        at_meeting = Meeting.objects.filter(pk=at_meeting.pk).first() if at_meeting is not None else None
        if (
            at_meeting is None
            or at_meeting.council_id != minutes.meeting.council_id
            or at_meeting.starts_at <= minutes.meeting.starts_at
            or at_meeting.status not in (Meeting.Status.NOTICE_SENT, Meeting.Status.HELD)
        ):
            raise RuleViolation(_("Referatet godkendes på et senere, indkaldt møde i rådet."))
    else:
        raise ValueError(how)
    minutes.status = Minutes.Status.APPROVED
    minutes.approved_at = now or timezone.now()
    minutes.approved_how = how
    minutes.approved_at_meeting = at_meeting
    minutes.save(update_fields=["status", "approved_at", "approved_how", "approved_at_meeting", "updated_at"])
    version = MinutesVersion.objects.create(
        minutes=minutes, number=1, content=_minutes_content(minutes), created_by=by if by and by.pk else None
    )
    audit.record(
        actor=by,
        verb="minutes.approved",
        target=minutes,
        council_id=minutes.meeting.council_id,
        changes={"how": {"before": None, "after": how}},
    )
    meeting = minutes.meeting
    with mail.batch():  # one insert for all the mails, not one each
        for membership in memberships_in_force(meeting.council_id, selectors.local_date(meeting)).select_related(
            "person__user"
        ):
            notify.queue(
                council=meeting.council_id,
                key=f"minutes-approved:{minutes.pk}:{membership.pk}",
                to=email_of(membership.person),
                recipient=membership.person,
                template="minutes_approved",
                context={"meeting": meeting, "person": membership.person},
            )
    return version


@transaction.atomic
def minutes_correct(
    *, minutes: Minutes, entries: dict[int, str], introduction: str, reason: str, by: User | None
) -> MinutesVersion:
    """Approved minutes are immutable: a correction is a new, visible version with its reason."""
    minutes = Minutes.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=minutes.pk)
    if minutes.status != Minutes.Status.APPROVED:
        raise RuleViolation(_("Kun godkendte referater rettes med en ny version."))
    if not reason.strip():
        raise RuleViolation([Violation("reason", _("Skriv, hvorfor referatet rettes."))])
    minutes.introduction = clean_text(introduction)
    minutes.save(update_fields=["introduction", "updated_at"])
    for entry in MinutesEntry.objects.filter(minutes=minutes, item_id__in=list(entries)):
        entry.text = clean_text(entries[entry.item_id])
        entry.save(update_fields=["text", "updated_at"])
    number = (minutes.versions.aggregate(m=Max("number"))["m"] or 0) + 1
    version = MinutesVersion.objects.create(
        minutes=minutes,
        number=number,
        content=_minutes_content(minutes),
        correction_reason=clean_text(reason),
        created_by=by if by and by.pk else None,
    )
    audit.record(
        actor=by,
        verb="minutes.corrected",
        target=minutes,
        council_id=minutes.meeting.council_id,
        changes={
            "version": {"before": number - 1, "after": number},
            "reason": {"before": None, "after": version.correction_reason},
        },
    )
    return version


@transaction.atomic
def minutes_publish(*, minutes: Minutes, by: User | None, now: datetime.datetime | None = None) -> Minutes:
    """Publish approved minutes (open items only are ever shown publicly)."""
    minutes = Minutes.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=minutes.pk)
    if minutes.status != Minutes.Status.APPROVED:
        raise RuleViolation(_("Kun godkendte referater kan offentliggøres."))
    minutes.is_published = True
    minutes.published_at = now or timezone.now()
    minutes.save(update_fields=["is_published", "published_at", "updated_at"])
    audit.record(
        actor=by,
        verb="minutes.published",
        target=minutes,
        council_id=minutes.meeting.council_id,
        changes={"is_published": {"before": False, "after": True}},
    )
    return minutes


@transaction.atomic
def minutes_unpublish(*, minutes: Minutes, by: User | None) -> Minutes:
    """Hide published minutes from the public. Nothing is deleted (R34)."""
    minutes = Minutes.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=minutes.pk)
    if not minutes.is_published:
        raise RuleViolation(_("Referatet er ikke offentliggjort."))
    minutes.is_published = False
    minutes.unpublished_at = timezone.now()
    minutes.save(update_fields=["is_published", "unpublished_at", "updated_at"])
    audit.record(
        actor=by,
        verb="minutes.unpublished",
        target=minutes,
        council_id=minutes.meeting.council_id,
        changes={"is_published": {"before": True, "after": False}},
    )
    return minutes


# --- Calendar ----------------------------------------------------------------------------------------


@transaction.atomic
def calendar_token_renew(*, user: User, council: Council) -> CalendarToken:
    """A new private calendar link; the old one stops working."""
    CalendarToken.objects.filter(user=user, council=council, revoked_at__isnull=True).update(revoked_at=timezone.now())
    token = CalendarToken.objects.create(user=user, council=council, token=secrets.token_urlsafe(32))
    audit.record(actor=user, verb="calendar_token.renewed", target=token, council_id=council.pk)
    return token


# --- Extraordinary meetings (R14) --------------------------------------------------------------------


def _support_and_check(request: ExtraordinaryRequest, membership: Membership, by: User | None) -> None:
    _support, created = ExtraordinarySupport.objects.get_or_create(request=request, membership=membership)
    if not created:
        return
    count = ExtraordinarySupport.objects.filter(request=request).count()
    audit.record(
        actor=by,
        verb="extraordinary_request.supported",
        target=request,
        council_id=request.council_id,
        changes={"supporters": {"before": count - 1, "after": count}},
    )
    if count >= request.threshold and request.threshold_reached_at is None:
        request.threshold_reached_at = timezone.now()
        request.save(update_fields=["threshold_reached_at", "updated_at"])
        audit.record(
            actor=by,
            verb="extraordinary_request.threshold_reached",
            target=request,
            council_id=request.council_id,
            changes={"supporters": {"before": None, "after": count}},
        )
        from raad.core.roles import Role
        from raad.councils.models import StaffAssignment

        today = timezone.localdate()
        recipients = {
            a.user.email
            for a in StaffAssignment.objects.filter(
                council_id=request.council_id, role=Role.SECRETARIAT, starts_on__lte=today
            )
            .exclude(ends_on__lt=today)
            .select_related("user")
            if a.user.email
        }
        recipients |= {
            email_of(m.person)
            for m in memberships_in_force(request.council_id, today)
            .select_related("person__user")
            .filter(role__in=["chair", "vice_chair"])
        }
        with mail.batch():  # one insert for all the mails, not one each
            for to in sorted(r for r in recipients if r):
                notify.queue(
                    council=request.council_id,
                    key=f"extraordinary:{request.pk}:{to}",
                    to=to,
                    template="extraordinary_task",
                    context={
                        "request": request,
                        "count": count,
                        "url": absolute_url(reverse("meetings:plan", args=[request.council.slug])),
                    },
                )


@transaction.atomic
def extraordinary_request_create(
    *, council: Council, membership: Membership, reasons: str, by: User | None
) -> ExtraordinaryRequest:
    """A member asks for an extraordinary meeting with reasons; the request counts as their support."""
    council = Council.objects.select_for_update(of=("self",)).get(pk=council.pk)
    if membership.seat.council_id != council.pk:
        raise RuleViolation(_("Kun rådets medlemmer kan anmode om et ekstraordinært møde."))
    if not reasons.strip():
        raise RuleViolation(
            [
                Violation(
                    "reasons",
                    _("Skriv begrundelsen for mødet (%(rule)s).") % {"rule": reference("extraordinary_numerator")},
                )
            ]
        )
    procedure = rules_in_force(council)
    members = memberships_in_force(council).count()
    request = ExtraordinaryRequest.objects.create(
        council=council,
        requested_by=membership,
        reasons=clean_text(reasons),
        threshold=rules.extraordinary_threshold(
            members, procedure.extraordinary_numerator, procedure.extraordinary_denominator
        ),
    )
    audit.record(
        actor=by,
        verb="extraordinary_request.created",
        target=request,
        council_id=council.pk,
        changes={"threshold": {"before": None, "after": request.threshold}},
    )
    _support_and_check(request, membership, by)
    return request


@transaction.atomic
def extraordinary_request_support(
    *, request: ExtraordinaryRequest, membership: Membership, by: User | None
) -> ExtraordinaryRequest:
    request = ExtraordinaryRequest.objects.select_for_update(of=("self",)).select_related("council").get(pk=request.pk)
    if membership.seat.council_id != request.council_id:
        raise RuleViolation(_("Kun rådets medlemmer kan støtte anmodningen."))
    if request.meeting_id is not None:
        raise RuleViolation(_("Mødet er allerede indkaldt."))
    _support_and_check(request, membership, by)
    return request


# --- Reminders ---------------------------------------------------------------------------------------


@transaction.atomic
def item_deadline_reminders_queue(*, lead: datetime.timedelta, now: datetime.datetime | None = None) -> int:
    """Remind the members of every planned meeting whose item deadline falls within `lead` from now.
    Each member is reminded once per meeting (the mail key), however often this runs."""
    now = now or timezone.now()
    queued = 0
    candidates = Meeting.objects.filter(status=Meeting.Status.PLANNED, starts_at__gt=now).select_related("council")
    for meeting in candidates:
        deadline = selectors.deadlines(meeting).item_deadline
        if not now <= deadline <= now + lead:
            continue
        for membership in memberships_in_force(meeting.council_id, selectors.local_date(meeting)).select_related(
            "person__user"
        ):
            if notify.queue(
                council=meeting.council_id,
                key=f"item-deadline:{meeting.pk}:{membership.pk}",
                to=email_of(membership.person),
                recipient=membership.person,
                template="item_deadline",
                context={
                    "meeting": meeting,
                    "person": membership.person,
                    "deadline": deadline,
                    "url": absolute_url(meeting),
                },
            ):
                queued += 1
    return queued


# --- Confidentiality (R27) ---------------------------------------------------------------------------


@transaction.atomic
def closed_items_read_record(*, meeting: Meeting, items: Iterable[AgendaItem], user: User, what: str) -> None:
    """Journal that `user` read closed items (or a closed attachment) of the meeting (R27)."""
    closed = [item.position for item in items if item.is_closed]
    if closed:
        audit.record(
            actor=user,
            verb="meeting.closed_items_read",
            target=meeting,
            council_id=meeting.council_id,
            changes={"what": {"before": None, "after": what}, "items": {"before": None, "after": closed}},
        )
