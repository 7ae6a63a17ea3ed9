"""Screens: everything one workspace page shows, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from raad.core.redaction import Finding
from raad.councils.models import RulesOfProcedure
from raad.meetings import rules
from raad.meetings.models import AgendaItem, Meeting, Minutes, MinutesEntry, MinutesResponse, MinutesVersion
from raad.membership.models import Membership

from .common import rules_for
from .workspace import (
    AttendanceRow,
    Deadlines,
    agenda_items,
    attendance_rows,
    deadlines,
    membership_of_user,
    minutes_for,
    minutes_publication_check,
    quorum_for,
)


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
