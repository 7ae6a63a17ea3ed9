"""Reads about meetings. `public_…` functions are all a person without login may see (R20)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, Count, Exists, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

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


def _not_cancelled_first():
    """An ordering expression: meetings that are not cancelled first."""
    return Case(When(status=Meeting.Status.CANCELLED, then=Value(1)), default=Value(0))


def local_date(meeting: Meeting) -> datetime.date:
    return timezone.localtime(meeting.starts_at).date()


def rules_for(meeting: Meeting) -> RulesOfProcedure:
    """The rules of procedure in force on the meeting date (R8). Kept on the meeting object for its date, so
    the several rules a write consults (deadlines, substitutes, quorum) cost one read."""
    on = local_date(meeting)
    cached = getattr(meeting, "_rules_in_force", None)
    if cached is None or cached[0] != (meeting.council_id, on):
        cached = ((meeting.council_id, on), rules_in_force(meeting.council_id, on))
        meeting._rules_in_force = cached  # type: ignore[attr-defined]
    return cached[1]


# --- Workspace --------------------------------------------------------------------------------------


def meetings_in_year(council: Council, year: int) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(council=council, starts_at__year=year)
        .select_related("council")
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


PREFILLED_MEETING_FIELDS = ("place", "address", "accessibility_note", "online_link")


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


def meeting_get(council: Council, pk: int) -> Meeting:
    return Meeting.objects.select_related("council", "term", "leader__person").get(council=council, pk=pk)


def agenda_items(meeting: Meeting) -> list[AgendaItem]:
    """Every item of the meeting with what the workspace shows of it, in a fixed number of queries."""
    return list(
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


# --- Public ---------------------------------------------------------------------------------------


def public_meetings(council: Council, year: int | None = None) -> QuerySet[Meeting]:
    """Dates, kind and place of meetings; nothing member-only."""
    qs = Meeting.objects.filter(council=council).select_related("council").order_by("starts_at")
    if year is not None:
        qs = qs.filter(starts_at__year=year)
    return qs


def open_to_public(meeting: Meeting) -> bool:
    """Whether the public may attend the meeting (its open items): the rules of procedure in force on the
    meeting day decide (`meetings_public`, R20)."""
    return rules_for(meeting).meetings_public


def public_meeting(council: Council, pk: int) -> Meeting:
    return Meeting.objects.select_related("council").get(council=council, pk=pk)


@dataclass
class PublicAttachment:
    pk: int
    title: str
    size: int
    content_type: str


@dataclass
class PublicItem:
    position: int
    closed: bool
    title: str = ""
    kind_label: str = ""
    case_presentation: str = ""
    proposed_decision: str = ""
    late: bool = False
    attachments: list[PublicAttachment] = field(default_factory=list)


def public_agenda(meeting: Meeting) -> list[PublicItem]:
    """The agenda once the notice is sent: open items in full, a closed item only as "Lukket punkt"."""
    if not meeting.notice_sent:
        return []
    items = (
        AgendaItem.objects.filter(meeting=meeting)
        .exclude(admission=AgendaItem.Admission.REFUSED)
        .prefetch_related(Prefetch("attachments", queryset=Attachment.objects.filter(is_closed=False).order_by("id")))
        .order_by("position", "id")
    )
    result = []
    for item in items:
        if item.is_closed:
            result.append(PublicItem(position=item.position, closed=True))
            continue
        result.append(
            PublicItem(
                position=item.position,
                closed=False,
                title=item.title,
                kind_label=str(item.get_kind_display()),
                case_presentation=item.case_presentation,
                proposed_decision=item.proposed_decision,
                late=item.is_late,
                attachments=[PublicAttachment(a.pk, a.title, a.size, a.content_type) for a in item.attachments.all()],
            )
        )
    return result


def public_attachment(council: Council, meeting_pk: int, pk: int) -> Attachment:
    """An attachment only if its meeting's notice is sent, its item is open and it is not closed itself."""
    return Attachment.objects.select_related("item__meeting").get(
        pk=pk,
        is_closed=False,
        item__is_closed=False,
        item__meeting__pk=meeting_pk,
        item__meeting__council=council,
        item__meeting__notice_sent_at__isnull=False,
    )


@dataclass
class PublicMinutes:
    introduction: str
    attendance: dict
    items: list[dict]
    versions: list[dict]
    approved_on: datetime.date | None
    number: int


def public_minutes(meeting: Meeting) -> PublicMinutes | None:
    """The published minutes, latest version, open items only (closed items as "Lukket punkt")."""
    minutes = Minutes.objects.filter(meeting=meeting, is_published=True, status=Minutes.Status.APPROVED).first()
    if minutes is None:
        return None
    versions = list(minutes.versions.order_by("-number"))
    if not versions:
        return None
    latest = versions[0]
    items = [
        {"position": e["position"], "closed": True}
        if e.get("closed")
        else {
            "position": e["position"],
            "title": e["title"],
            "text": e["text"],
            "closed": False,
            # Labels in the reader's language, from the codes stored in the approved version.
            "kind_label": str(AgendaItem.Kind(e["kind"]).label),
            "outcome_label": str(Decision.Outcome(e["outcome"]).label) if e.get("outcome") else "",
        }
        for e in latest.content.get("items", [])
    ]
    return PublicMinutes(
        introduction=latest.content.get("introduction", ""),
        attendance=latest.content.get("attendance", {}),
        items=items,
        versions=[{"number": v.number, "created_at": v.created_at, "reason": v.correction_reason} for v in versions],
        approved_on=datetime.date.fromisoformat(latest.content["approved_on"])
        if latest.content.get("approved_on")
        else None,
        number=latest.number,
    )


def public_next_meeting(council: Council, *, now: datetime.datetime | None = None) -> Meeting | None:
    """The next meeting that is not cancelled (the front page and the meetings list mark it)."""
    return (
        Meeting.objects.filter(council=council, starts_at__gte=now or timezone.now())
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("council")
        .order_by("starts_at", "id")
        .first()
    )


def public_may_attend(meeting: Meeting) -> bool | None:
    """Whether the public may attend: the rules of procedure in force on the meeting date (`meetings_public`);
    None when the council has no rules in force then."""
    try:
        return rules_for(meeting).meetings_public
    except NoRulesInForce:
        return None


def public_meetings_listed(council: Council, year: int) -> QuerySet[Meeting]:
    """`public_meetings` of a year, each with `has_minutes`: whether its approved minutes are published."""
    published = Minutes.objects.filter(meeting=OuterRef("pk"), is_published=True, status=Minutes.Status.APPROVED)
    return public_meetings(council, year).annotate(has_minutes=Exists(published))


def public_latest_minutes(council: Council, *, limit: int = 3) -> list[Meeting]:
    """The meetings with the most recent published minutes, newest meeting first."""
    return list(
        Meeting.objects.filter(council=council, minutes__is_published=True, minutes__status=Minutes.Status.APPROVED)
        .select_related("council")
        .order_by("-starts_at", "-id")[:limit]
    )


def open_meetings(council_id: int, *, after: datetime.datetime) -> QuerySet[Meeting]:
    """The council's meetings after `after` whose agenda is still open (planned, notice not sent)."""
    return Meeting.objects.filter(council_id=council_id, status=Meeting.Status.PLANNED, starts_at__gt=after).order_by(
        "starts_at", "id"
    )


def next_open_meeting(
    council_id: int, *, after: datetime.datetime, latest_day: datetime.date | None = None
) -> Meeting | None:
    """The first of `open_meetings`, held no later than `latest_day` when given (e.g. a consultation's
    deadline)."""
    qs = open_meetings(council_id, after=after)
    if latest_day is not None:
        qs = qs.filter(starts_at__date__lte=latest_day)
    return qs.first()


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


# --- Screens: everything one workspace page shows, in a fixed number of queries ------------------------


@dataclass
class MeetingPage:
    """The meeting in the workspace: deadlines, agenda, attendance and the user's own row."""

    meeting: Meeting
    procedure: RulesOfProcedure
    items: list[AgendaItem]
    rows: list[AttendanceRow]
    my_row: AttendanceRow | None
    deadlines: Deadlines
    quorum: rules.Quorum
    minutes: Minutes | None


def meeting_page(meeting: Meeting, user) -> MeetingPage:
    procedure = rules_for(meeting)
    rows = attendance_rows(meeting)
    return MeetingPage(
        meeting=meeting,
        procedure=procedure,
        items=agenda_items(meeting),
        rows=rows,
        my_row=next((r for r in rows if r.membership.person.user_id == user.pk), None),
        deadlines=deadlines(meeting, procedure),
        quorum=quorum_for(meeting, rows=rows, procedure=procedure),
        minutes=Minutes.objects.filter(meeting=meeting).first(),
    )


@dataclass
class ScreenEntry:
    item: AgendaItem
    quorum: rules.Quorum
    recused_ids: set[int]


@dataclass
class MeetingScreen:
    """The meeting as it happens: who is present, quorum, the leader (R18), and per item its quorum."""

    meeting: Meeting
    procedure: RulesOfProcedure
    rows: list[AttendanceRow]
    items: list[AgendaItem]
    entries: list[ScreenEntry]
    voters: list[Membership]
    present_rows: list[AttendanceRow]
    quorum: rules.Quorum
    leader: Membership | None

    @property
    def current(self) -> AgendaItem | None:
        """The item the meeting is at: the first, in agenda order, that is neither decided nor refused."""
        return next(
            (
                e.item
                for e in self.entries
                if getattr(e.item, "decision", None) is None and e.item.admission != AgendaItem.Admission.REFUSED
            ),
            None,
        )


def meeting_screen(meeting: Meeting) -> MeetingScreen:
    procedure = rules_for(meeting)
    rows = attendance_rows(meeting)
    items = agenda_items(meeting)
    present_rows = [r for r in rows if r.present]
    return MeetingScreen(
        meeting=meeting,
        procedure=procedure,
        rows=rows,
        items=items,
        entries=[
            ScreenEntry(
                item=item,
                quorum=quorum_for(meeting, item, rows=rows, procedure=procedure),
                recused_ids={c.membership_id for c in item.conflicts.all()},
            )
            for item in items
        ],
        voters=[r.membership for r in rows if r.counts],
        present_rows=present_rows,
        quorum=quorum_for(meeting, rows=rows, procedure=procedure),
        leader=rules.meeting_leader(
            ((r.membership, r.membership.role) for r in present_rows),
            meeting.leader,
            constituent=meeting.kind == Meeting.Kind.CONSTITUENT,
        ),
    )


@dataclass
class LiveItem:
    """An item as the live view shows it: a closed item without title or decision to whom may not see it."""

    pk: int
    position: int
    hidden: bool
    closed: bool
    title: str = ""
    kind_label: str = ""
    outcome_label: str = ""
    decision_text: str = ""
    votes: tuple[int, int, int] | None = None
    rule_applied: str = ""


@dataclass
class LiveScreen:
    """The read-only live view of a meeting: the current item, attendance against quorum, decisions so far."""

    meeting: Meeting
    quorum: rules.Quorum
    present: int
    members: int
    leader: Membership | None
    current: LiveItem | None
    decided: list[LiveItem]
    total: int
    closed_shown: list[AgendaItem] = field(default_factory=list)  # closed items shown in full, to journal (R27)


def _live_item(item: AgendaItem, show_closed: bool) -> LiveItem:
    hidden = item.is_closed and not show_closed
    if hidden:
        return LiveItem(pk=item.pk, position=item.position, hidden=True, closed=True)
    decision = getattr(item, "decision", None)
    vote = decision.vote if decision is not None else None
    return LiveItem(
        pk=item.pk,
        position=item.position,
        hidden=False,
        closed=item.is_closed,
        title=item.title,
        kind_label=str(item.get_kind_display()),
        outcome_label=str(decision.get_outcome_display()) if decision else "",
        decision_text=decision.text if decision else "",
        votes=(vote.votes_for, vote.votes_against, vote.abstentions) if vote else None,
        rule_applied=decision.rule_applied if decision else "",
    )


def live_screen(meeting: Meeting, *, show_closed: bool) -> LiveScreen:
    """What the live view shows; a closed item is only "Lukket punkt" unless `show_closed` (R20, R27)."""
    screen = meeting_screen(meeting)
    current = screen.current
    shown = [e.item for e in screen.entries if getattr(e.item, "decision", None) is not None]
    shown += [current] if current is not None else []
    return LiveScreen(
        meeting=meeting,
        quorum=screen.quorum,
        present=len(screen.voters),
        members=len(screen.rows),
        leader=screen.leader,
        current=_live_item(current, show_closed) if current is not None else None,
        decided=[
            _live_item(e.item, show_closed) for e in screen.entries if getattr(e.item, "decision", None) is not None
        ],
        total=len(screen.entries),
        closed_shown=[i for i in shown if i.is_closed] if show_closed else [],
    )


@dataclass
class MinutesScreen:
    """The minutes page: the draft or the approved text, versions, the members' responses, the user's own."""

    meeting: Meeting
    minutes: Minutes | None
    membership: Membership | None
    entries: list[MinutesEntry] = field(default_factory=list)
    versions: list[MinutesVersion] = field(default_factory=list)
    responses: list[MinutesResponse] = field(default_factory=list)
    my_response: MinutesResponse | None = None
    findings: list[Finding] = field(default_factory=list)


def minutes_approved(meeting: Meeting) -> bool:
    return Minutes.objects.filter(meeting=meeting, status=Minutes.Status.APPROVED).exists()


def minutes_screen(meeting: Meeting, user) -> MinutesScreen:
    minutes = minutes_for(meeting)
    membership = membership_of_user(user, meeting)
    screen = MinutesScreen(meeting=meeting, minutes=minutes, membership=membership)
    if minutes is None:
        return screen
    screen.entries = list(minutes.entries.all())
    screen.versions = list(minutes.versions.all())
    screen.responses = [r for r in minutes.responses.all() if r.revision == minutes.revision]
    if not user.has_perm("meetings.view_confidential", meeting):
        # A reader not bound by confidentiality (the board's liaison, not a guest: R27) gets the approved text
        # without the closed items and without the members' responses.
        screen.responses = []
        screen.entries = [e for e in screen.entries if not e.item.is_closed]
        for version in screen.versions:
            content = dict(version.content or {})
            content["items"] = [e for e in content.get("items", []) if not e.get("closed")]
            version.content = content
    screen.my_response = next(
        (r for r in screen.responses if membership is not None and r.membership_id == membership.pk), None
    )
    if minutes.status == Minutes.Status.APPROVED:
        screen.findings = minutes_publication_check(minutes)
    return screen
