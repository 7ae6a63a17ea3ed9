"""Minutes: writes of meetings (raad.meetings.services.minutes)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from raad.core import audit
from raad.core.errors import RuleViolation
from raad.core.links import absolute_url
from raad.core.models import User
from raad.core.text import clean_text
from raad.councils.models import RulesOfProcedure
from raad.councils.rules import Violation, reference
from raad.councils.services import ensure_not_archived
from raad.meetings import notify, selectors
from raad.meetings.models import (
    AgendaItem,
    Attendance,
    Meeting,
    Minutes,
    MinutesEntry,
    MinutesResponse,
    MinutesVersion,
)
from raad.meetings.search import meeting_changed
from raad.meetings.services.publication import finding_kinds, publication_override
from raad.membership.models import Membership
from raad.membership.selectors import memberships_in_force

from .common import _official


def _election_line(election) -> str:
    """One line of the minutes for an election held at the meeting (R12): who was elected, how, and a lot draw."""
    rounds = list(election.rounds.all())
    line = _("Valg af %(office)s: %(name)s blev valgt (%(method)s, %(rounds)s).") % {
        "office": election.get_office_display().lower(),
        "name": election.elected.person if election.elected else "–",
        "method": election.get_method_display().lower(),
        "rounds": ngettext("%(n)s runde", "%(n)s runder", len(rounds)) % {"n": len(rounds)},
    }
    for round_ in rounds:
        lot = getattr(round_, "lot_draw", None)
        if lot is not None:
            line += " " + _("Stemmelighed blev afgjort ved lodtrækning foretaget af %(who)s.") % {"who": lot.drawn_by}
    return line


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
            if v.casting_voter is not None:
                lines.append(
                    _("Ved stemmelighed afgav mødelederen, %(name)s, den udslagsgivende stemme: %(choice)s.")
                    % {"name": v.casting_voter.person, "choice": _("for") if v.chair_vote == "for" else _("imod")}
                )
        for s in decision.minority_statements.all():
            lines.append(_("Mindretalsudtalelse fra %(members)s: »%(text)s«") % {"members": s.members, "text": s.text})
    return "\n\n".join(lines)


@transaction.atomic
def minutes_start(*, meeting: Meeting, by: User | None) -> Minutes:
    """The secretariat starts the minutes from the decisions of a held meeting."""
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("council").get(pk=meeting.pk)
    ensure_not_archived(meeting.council)
    if meeting.status != Meeting.Status.HELD:
        raise RuleViolation(_("Referatet skrives, når mødet er afholdt."))
    existing = Minutes.objects.filter(meeting=meeting).first()
    if existing is not None:
        return existing
    minutes = Minutes.objects.create(
        meeting=meeting,
        edited_by=by if by and by.pk else None,
        introduction="\n".join(_official(_election_line, e) for e in selectors.elections_at(meeting)),
    )
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
    locked = (
        Minutes.objects.select_for_update(of=("self",))
        .select_related("edited_by", "meeting__council")
        .get(pk=minutes.pk)
    )
    ensure_not_archived(locked.meeting.council)
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
        changes=audit.changed(revision=(revision, locked.revision), status=(before, locked.status)),
    )
    return locked


@transaction.atomic
def minutes_circulate(*, minutes: Minutes, by: User | None, now: datetime.datetime | None = None) -> Minutes:
    """Send the draft to the members for approval by circulation within the rules' days (R21)."""
    minutes = Minutes.objects.select_for_update(of=("self",)).select_related("meeting__council").get(pk=minutes.pk)
    ensure_not_archived(minutes.meeting.council)
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
        changes=audit.created(approval_due_on=minutes.approval_due_on),
    )
    meeting = minutes.meeting
    notify.queue_to_members(
        meeting=meeting,
        key=f"minutes-circulated:{minutes.pk}:{minutes.revision}",
        template="minutes_circulated",
        context=lambda membership: {
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
    minutes = Minutes.objects.select_for_update(of=("self",)).select_related("meeting__council").get(pk=minutes.pk)
    ensure_not_archived(minutes.meeting.council)
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
        changes=audit.created(member=str(membership.person)),
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
    ensure_not_archived(minutes.meeting.council)
    today = today or (timezone.localdate(now) if now else timezone.localdate())
    if minutes.status == Minutes.Status.APPROVED:
        raise RuleViolation(_("Referatet er allerede godkendt."))
    if how == Minutes.Approval.CIRCULATION:
        if selectors.rules_for(minutes.meeting).minutes_approval != RulesOfProcedure.MinutesApproval.CIRCULATION:
            raise RuleViolation(
                _("Efter forretningsordenen godkendes referatet på det næste møde, ikke ved rundsendelse (%(rule)s).")
                % {"rule": reference("minutes_approval")}
            )
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
        changes=audit.created(how=how),
    )
    meeting = minutes.meeting
    notify.queue_to_members(
        meeting=meeting,
        key=f"minutes-approved:{minutes.pk}",
        template="minutes_approved",
        context=lambda membership: {"meeting": meeting, "person": membership.person},
    )
    return version


@transaction.atomic
def minutes_correct(
    *, minutes: Minutes, entries: dict[int, str], introduction: str, reason: str, by: User | None
) -> MinutesVersion:
    """Approved minutes are immutable: a correction is a new, visible version with its reason."""
    minutes = Minutes.objects.select_for_update(of=("self",)).select_related("meeting__council").get(pk=minutes.pk)
    ensure_not_archived(minutes.meeting.council)
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
        changes=audit.changed(version=(number - 1, number), reason=(None, version.correction_reason)),
    )
    meeting_changed(minutes.meeting_id)  # the search index follows (raad.core.search)
    return version


@transaction.atomic
def minutes_publish(
    *, minutes: Minutes, by: User | None, override_reason: str = "", now: datetime.datetime | None = None
) -> Minutes:
    """Publish approved minutes (open items only are ever shown publicly). If the personal-data check finds
    something in the open part, publishing needs `override_reason`: stored and journalled (R32)."""
    minutes = (
        Minutes.objects.select_for_update(of=("self",))
        .select_related("meeting__council__municipality")
        .get(pk=minutes.pk)
    )
    ensure_not_archived(minutes.meeting.council)
    if minutes.status != Minutes.Status.APPROVED:
        raise RuleViolation(_("Kun godkendte referater kan offentliggøres."))
    findings = selectors.minutes_publication_check(minutes)
    reason = publication_override(findings=findings, override_reason=override_reason)
    minutes.is_published = True
    minutes.published_at = now or timezone.now()
    minutes.publish_override_reason = reason
    minutes.save(update_fields=["is_published", "published_at", "publish_override_reason", "updated_at"])
    changes = audit.changed(is_published=(False, True))
    if findings:
        changes |= audit.changed(published_over_findings=("", finding_kinds(findings)), override_reason=("", reason))
    audit.record(
        actor=by,
        verb="minutes.published",
        target=minutes,
        council_id=minutes.meeting.council_id,
        changes=changes,
    )
    meeting_changed(minutes.meeting_id)  # the search index follows (raad.core.search)
    return minutes


@transaction.atomic
def minutes_unpublish(*, minutes: Minutes, by: User | None) -> Minutes:
    """Hide published minutes from the public. Nothing is deleted (R34)."""
    minutes = Minutes.objects.select_for_update(of=("self",)).select_related("meeting__council").get(pk=minutes.pk)
    ensure_not_archived(minutes.meeting.council)
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
        changes=audit.changed(is_published=(True, False)),
    )
    meeting_changed(minutes.meeting_id)  # the search index follows (raad.core.search)
    return minutes
