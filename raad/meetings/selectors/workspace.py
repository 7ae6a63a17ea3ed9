"""Reads for the council's workspace: year plan, agenda, attendance, quorum, deadlines, notice, minutes checks,
calendar."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from raad.core import translations
from raad.core.redaction import Finding
from raad.core.text import plain_text
from raad.councils.models import Council, RulesOfProcedure
from raad.councils.selectors import NoRulesInForce, rules_in_force
from raad.meetings import rules
from raad.meetings.models import (
    AgendaItem,
    Attachment,
    Attendance,
    CalendarToken,
    ConflictDeclaration,
    Decision,
    Meeting,
    MinorityStatement,
    Minutes,
    MinutesEntry,
    MinutesResponse,
    MinutesVersion,
    NamedVote,
)
from raad.membership.models import Election, ElectionRound, Membership, Substitute
from raad.membership.selectors import memberships_in_force, personal_data_before_publishing

from .common import _not_cancelled_first, local_date, rules_for


def meetings_in_year(council: Council, year: int) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(council=council, starts_at__year=year)
        .select_related("council", "room")
        .annotate(item_count=Count("items"))
        .order_by("starts_at")
    )


def meeting_years(council: Council) -> list[int]:
    return sorted({d.year for d in Meeting.objects.filter(council=council).dates("starts_at", "year")}, reverse=True)


@dataclass
class YearPlan:
    year: int
    meetings: list[Meeting]
    minimum: int | None
    shortfall: int
    reference: str


def year_plan(council: Council, year: int) -> YearPlan:
    from raad.councils.rules import reference

    meetings = list(meetings_in_year(council, year))
    procedure = None
    for on in (datetime.date(year, 1, 1), datetime.date(year, 12, 31)):
        try:
            procedure = rules_in_force(council, on)
            break
        except NoRulesInForce:
            continue
    planned = sum(1 for m in meetings if m.status != Meeting.Status.CANCELLED and m.kind != Meeting.Kind.EXTRAORDINARY)
    minimum = procedure.min_meetings_per_year if procedure else None
    return YearPlan(
        year=year,
        meetings=meetings,
        minimum=minimum,
        shortfall=rules.plan_shortfall(planned, minimum) if minimum is not None else 0,
        reference=str(reference("min_meetings_per_year")),
    )


PREFILLED_MEETING_FIELDS = ("room", "place", "address", "accessibility_note", "online_link")


def meeting_prefill(council: Council) -> dict[str, str]:
    """Where the council met last (room, address, accessibility, online link), to pre-fill a new meeting: the
    latest meeting by date that is not cancelled, else the latest. Empty when the council has none."""
    latest = (
        Meeting.objects.filter(council=council)
        .order_by(_not_cancelled_first(), "-starts_at", "-id")
        .values(*PREFILLED_MEETING_FIELDS)
        .first()
    )
    return {k: v for k, v in (latest or {}).items() if v}


def linkable_agenda_items(council: Council) -> QuerySet[AgendaItem]:
    """The items of the council's meetings that are not cancelled, newest meeting first (another app links to
    where something was discussed, e.g. an indicator of the integration effort)."""
    return (
        AgendaItem.objects.filter(meeting__council=council)
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        .select_related("meeting")
        .order_by("-meeting__starts_at", "position", "id")
    )


def meeting_get(council: Council, pk: int) -> Meeting:
    return Meeting.objects.select_related("council", "term", "leader__person", "room").get(council=council, pk=pk)


def agenda_items(meeting: Meeting) -> list[AgendaItem]:
    """Every item of the meeting with what the workspace shows of it, in a fixed number of queries (the
    purposes' translations into the page's language in one more, on a page in another language than Danish)."""
    items = list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("proposed_by__person", "decision__vote__casting_voter__person")
        .prefetch_related(
            "purposes",
            Prefetch("attachments", queryset=Attachment.objects.order_by("id")),
            Prefetch("conflicts", queryset=ConflictDeclaration.objects.select_related("membership__person")),
            Prefetch("decision__minority_statements", queryset=MinorityStatement.objects.order_by("id")),
            Prefetch("decision__vote__named_votes", queryset=NamedVote.objects.select_related("membership__person")),
        )
        .order_by("position", "id")
    )
    translations.prefetch(purpose for item in items for purpose in item.purposes.all())
    return items


@dataclass
class AttendanceRow:
    membership: Membership
    attendance: Attendance | None
    substitute: Substitute | None

    @property
    def status(self) -> str:
        return self.attendance.status if self.attendance else Attendance.Status.EXPECTED

    @property
    def status_label(self) -> str:
        return str(Attendance.Status(self.status).label)

    @property
    def present(self) -> bool:
        return self.status == Attendance.Status.PRESENT

    @property
    def substitute_present(self) -> bool:
        return bool(self.attendance and self.attendance.substitute_present)

    @property
    def counts(self) -> bool:
        return self.present or self.substitute_present


def attendance_rows(meeting: Meeting) -> list[AttendanceRow]:
    """One row per member in force on the meeting date, with their attendance and substitute (3 queries)."""
    on = local_date(meeting)
    memberships = list(memberships_in_force(meeting.council_id, on))
    attendances = {
        a.membership_id: a for a in Attendance.objects.filter(meeting=meeting).select_related("substitute__person")
    }
    substitutes: dict[int, Substitute] = {}
    for sub in (
        Substitute.objects.filter(membership__in=[m.pk for m in memberships], starts_on__lte=on)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .select_related("person")
        .order_by("starts_on", "id")
    ):
        substitutes.setdefault(sub.membership_id, sub)
    return [
        AttendanceRow(
            m,
            attendances.get(m.pk),
            (
                attendances[m.pk].substitute
                if m.pk in attendances and attendances[m.pk].substitute_id
                else substitutes.get(m.pk)
            ),
        )
        for m in memberships
    ]


def quorum_for(
    meeting: Meeting,
    item: AgendaItem | None = None,
    *,
    rows: list[AttendanceRow] | None = None,
    procedure: RulesOfProcedure | None = None,
) -> rules.Quorum:
    procedure = procedure or rules_for(meeting)
    rows = rows if rows is not None else attendance_rows(meeting)
    present_ids = {r.membership.pk for r in rows if r.counts}
    recused = 0
    if item is not None:
        conflict_ids = {c.membership_id for c in item.conflicts.all()}
        recused = len(conflict_ids & present_ids)
    return rules.quorum(
        members=len(rows),
        present=len(present_ids),
        recused=recused,
        quorum_numerator=procedure.quorum_numerator,
        quorum_denominator=procedure.quorum_denominator,
        recused_count_toward_quorum=procedure.recused_count_toward_quorum,
    )


@dataclass
class Deadlines:
    item_deadline: datetime.datetime
    notice_deadline: datetime.datetime
    item_reference: str
    notice_reference: str


def deadlines(meeting: Meeting, procedure: RulesOfProcedure | None = None) -> Deadlines:
    from raad.councils.rules import reference

    procedure = procedure or rules_for(meeting)
    return Deadlines(
        item_deadline=rules.item_deadline(meeting.starts_at, procedure.member_item_deadline_days),
        notice_deadline=rules.notice_deadline(meeting.starts_at, procedure.notice_deadline_days),
        item_reference=str(reference("member_item_deadline_days")),
        notice_reference=str(reference("notice_deadline_days")),
    )


def membership_of_user(user, meeting: Meeting) -> Membership | None:
    if not user.is_authenticated:
        return None
    return memberships_in_force(meeting.council_id, local_date(meeting)).filter(person__user=user).first()


@dataclass
class NoticeItem:
    """An agenda item as the notice e-mail lists it: a closed item by number only (no title, no papers)."""

    position: int
    closed: bool
    title: str = ""
    papers: list[tuple[str, str]] = field(default_factory=list)  # (title, absolute link) of its open attachments


@dataclass
class NoticeContent:
    items: list[NoticeItem]
    url: str  # the meeting in the workspace
    packet_url: str  # the agenda with its papers as one PDF (members)


def notice_content(meeting: Meeting) -> NoticeContent:
    """What the notice (indkaldelse) lists and links, the same for every member (2 queries)."""
    from django.urls import reverse

    from raad.core.links import absolute_url

    slug = meeting.council.slug
    items = []
    for item in (
        AgendaItem.objects.filter(meeting=meeting)
        .exclude(admission=AgendaItem.Admission.REFUSED)
        .prefetch_related(Prefetch("attachments", queryset=Attachment.objects.filter(is_closed=False).order_by("id")))
        .order_by("position", "id")
    ):
        if item.is_closed:
            items.append(NoticeItem(position=item.position, closed=True))
            continue
        papers = [
            (a.title, absolute_url(reverse("meetings:attachment", args=[slug, meeting.pk, a.pk])))
            for a in item.attachments.all()
        ]
        items.append(NoticeItem(position=item.position, closed=False, title=item.title, papers=papers))
    return NoticeContent(
        items=items,
        url=absolute_url(meeting),
        packet_url=absolute_url(reverse("meetings:packet", args=[slug, meeting.pk])),
    )


def minutes_for(meeting: Meeting) -> Minutes | None:
    return (
        Minutes.objects.filter(meeting=meeting)
        .select_related("meeting__council", "edited_by")
        .prefetch_related(
            Prefetch("entries", queryset=MinutesEntry.objects.select_related("item").order_by("item__position")),
            Prefetch("versions", queryset=MinutesVersion.objects.order_by("-number")),
            Prefetch("responses", queryset=MinutesResponse.objects.select_related("membership__person")),
        )
        .first()
    )


def minutes_publication_check(minutes: Minutes) -> list[Finding]:
    """What in the open part of the approved minutes looks like personal data (R32): CPR, e-mail,
    phone, street address, and names that are not names of members or substitutes."""
    version = minutes.versions.order_by("-number").first()
    if version is None:
        return []
    texts = [version.content.get("introduction", "")]
    texts += [f"{e['title']}\n{e['text']}" for e in version.content.get("items", []) if not e.get("closed")]
    return personal_data_before_publishing(
        "\n".join(texts), council=minutes.meeting.council, on=local_date(minutes.meeting)
    )


def elections_at(meeting: Meeting) -> list[Election]:
    """The elections the council decided on the meeting's day (R12: the constituent meeting elects its forperson
    and næstforperson), each with its rounds and any lot draw, oldest first."""
    return list(
        Election.objects.filter(council_id=meeting.council_id, held_on=local_date(meeting), decided_at__isnull=False)
        .select_related("elected__person")
        .prefetch_related(Prefetch("rounds", queryset=ElectionRound.objects.select_related("lot_draw")))
        .order_by("decided_at", "id")
    )


def agenda_publication_check(meeting: Meeting) -> list[Finding]:
    """What in the open items of the agenda (published with the notice) looks like personal data (R32): the
    same detector as the minutes, over each open item's title, case presentation and proposed decision."""
    texts = [
        f"{item.title}\n{plain_text(item.case_presentation)}\n{item.proposed_decision}"
        for item in AgendaItem.objects.filter(meeting=meeting, is_closed=False).order_by("position", "id")
    ]
    return personal_data_before_publishing("\n".join(texts), council=meeting.council, on=local_date(meeting))


def calendar_token(user, council: Council) -> CalendarToken | None:
    return CalendarToken.objects.filter(user=user, council=council, revoked_at__isnull=True).first()


def member_feed_meetings(token: str) -> tuple[CalendarToken, list[Meeting]] | None:
    found = CalendarToken.objects.select_related("council", "user").filter(token=token, revoked_at__isnull=True).first()
    if found is None:
        return None
    from raad.core.roles import roles_of

    if not roles_of(found.user, found.council_id):
        return None
    meetings = list(Meeting.objects.filter(council=found.council).select_related("council").order_by("starts_at"))
    return found, meetings


def decisions_of(meeting: Meeting) -> QuerySet[Decision]:
    return Decision.objects.filter(item__meeting=meeting).select_related("item", "vote")


def extraordinary_requests(council: Council) -> list:
    """Open requests for an extraordinary meeting (not yet called), with their supporters (2 queries)."""
    from raad.meetings.models import ExtraordinaryRequest, ExtraordinarySupport

    return list(
        ExtraordinaryRequest.objects.filter(council=council, meeting__isnull=True)
        .select_related("requested_by__person")
        .prefetch_related(
            Prefetch("supports", queryset=ExtraordinarySupport.objects.select_related("membership__person"))
        )
        .order_by("-created_at")
    )


@dataclass(frozen=True)
class MeetingAttendance:
    """One held meeting of the year: its date and how many of the expected seats were filled (R19)."""

    held_on: datetime.date
    seats: int
    filled: int
    apologies: int


def attendance_for_year(council: Council, year: int) -> list[MeetingAttendance]:
    """Held meetings of the year, oldest first, with counts of their attendance rows (one query, for the
    annual report: counts only, never names)."""
    filled = Q(attendances__status=Attendance.Status.PRESENT) | Q(attendances__substitute_present=True)
    rows = (
        meetings_in_year(council, year)
        .filter(status=Meeting.Status.HELD)
        .annotate(
            seats=Count("attendances", distinct=True),
            filled=Count("attendances", filter=filled, distinct=True),
            apologies=Count("attendances", filter=Q(attendances__status=Attendance.Status.APOLOGY), distinct=True),
        )
    )
    return [
        MeetingAttendance(held_on=local_date(m), seats=m.seats, filled=m.filled, apologies=m.apologies) for m in rows
    ]


def open_items_of_year(council: Council, year: int) -> QuerySet[AgendaItem]:
    """The open (never closed) agenda items of the year's held meetings, for the annual report."""
    return AgendaItem.objects.filter(
        meeting__council=council,
        meeting__starts_at__year=year,
        meeting__status=Meeting.Status.HELD,
        is_closed=False,
    )
