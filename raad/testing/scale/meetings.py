"""Meetings with agenda items (a share closed), and for past meetings approved, published minutes: an entry
per item and the frozen version the public pages read (the meetings app's tables)."""

from __future__ import annotations

import datetime
import random
from zoneinfo import ZoneInfo

from django.conf import settings

from raad.meetings.models import AgendaItem, Attendance, Decision, Meeting, Minutes, MinutesEntry, MinutesVersion

from . import text
from .councils import CouncilData
from .tiers import item_closed, items_in, meetings_in
from .writer import Writer

KINDS = [AgendaItem.Kind.DECISION, AgendaItem.Kind.DISCUSSION, AgendaItem.Kind.INFORMATION]
HOUR = datetime.timedelta(hours=1)
NOTICE_DAYS = 8  # the notice goes out 8 days before (the preset's deadline is 7)
MINUTES_AFTER_DAYS = 21  # minutes of a meeting at least this old are approved and published
# What the council decided on an item, by its kind: (outcome, the decision's text).
OUTCOMES = {
    AgendaItem.Kind.DECISION: (Decision.Outcome.ADOPTED, "Rådet vedtog indstillingen."),
    AgendaItem.Kind.DISCUSSION: (Decision.Outcome.DISCUSSED, "Rådet drøftede sagen."),
    AgendaItem.Kind.INFORMATION: (Decision.Outcome.NOTED, "Rådet tog orienteringen til efterretning."),
}


def meeting_times(rng: random.Random, year: int, n: int) -> list[datetime.datetime]:
    """`n` meetings spread over the year: one in each of `n` equal slices, a weekday at 16:00 local time."""
    tz = ZoneInfo(settings.TIME_ZONE)
    start = datetime.date(year, 1, 1)
    days = (datetime.date(year + 1, 1, 1) - start).days
    times = []
    for i in range(n):
        day = start + datetime.timedelta(days=days * i // n + rng.randrange(max(1, days // n - 3)))
        while day.weekday() >= 5:
            day -= datetime.timedelta(days=1)
        times.append(datetime.datetime.combine(max(day, start), datetime.time(16, 0), tzinfo=tz))
    return times


def build_meetings(
    w: Writer,
    rng: random.Random,
    council: CouncilData,
    *,
    years: list[int],
    now: datetime.datetime,
    counter: list[int],
) -> int:
    """Every meeting of the council over `years`; `counter[0]` numbers meetings installation-wide (it decides
    how many items each has and which are closed). Returns the number of paragraphs written."""
    meetings: list[Meeting] = []
    numbers: list[int] = []
    for year_no, year in enumerate(years):
        for starts_at in meeting_times(rng, year, meetings_in(council.number, year_no)):
            notice = starts_at - datetime.timedelta(days=NOTICE_DAYS)
            held = starts_at < now
            meetings.append(
                Meeting(
                    council=council.council,
                    term=council.term_on(starts_at.date()),
                    starts_at=starts_at,
                    ends_at=starts_at + datetime.timedelta(hours=2),
                    room=council.room,
                    status=Meeting.Status.HELD
                    if held
                    else (Meeting.Status.NOTICE_SENT if notice <= now else Meeting.Status.PLANNED),
                    notice_sent_at=notice if notice <= now else None,
                )
            )
            numbers.append(counter[0])
            counter[0] += 1
    w.create(meetings)
    build_attendance(w, council, meetings)
    items: list[AgendaItem] = []
    purposes: list[int] = []
    for meeting, number in zip(meetings, numbers, strict=True):
        year = meeting.starts_at.year
        for position in range(1, items_in(number) + 1):
            body = text.paragraph(rng, rng.randint(40, 90))
            items.append(
                AgendaItem(
                    meeting=meeting,
                    position=position,
                    kind=KINDS[(number + position) % 3],
                    title=text.title(rng, year),
                    case_presentation=f"<p>{body}</p>",
                    case_presentation_source=body,
                    proposed_decision="Sekretariatet indstiller, at rådet drøfter sagen og afgiver sine bemærkninger.",
                    is_closed=item_closed(number, position),
                )
            )
            purposes.append(council.purposes[(number + position) % len(council.purposes)].pk)
    w.create(items)
    through = AgendaItem.purposes.through
    w.create([through(agendaitem_id=i.pk, purpose_id=p) for i, p in zip(items, purposes, strict=True)])
    build_minutes(w, rng, council, meetings, items, now=now)
    return len(items)


def build_attendance(w: Writer, council: CouncilData, meetings: list[Meeting]) -> None:
    """Every member of the meeting's term is expected; at a held meeting all are present but the last seat's
    member, who sent an apology two days before (confirmed without a substitute, so no desk task is open)."""
    rows = []
    for meeting in meetings:
        members = council.members.get(meeting.term_id, []) if meeting.term_id else []
        for i, membership in enumerate(members):
            row = Attendance(meeting=meeting, membership=membership)
            if meeting.status == Meeting.Status.HELD:
                row.status = Attendance.Status.PRESENT
                if i == len(members) - 1:
                    row.status = Attendance.Status.APOLOGY
                    row.apology_at = meeting.starts_at - datetime.timedelta(days=2)
                    row.no_substitute_confirmed_at = row.apology_at + HOUR
            rows.append(row)
    w.create(rows)


def build_minutes(
    w: Writer,
    rng: random.Random,
    council: CouncilData,
    meetings: list[Meeting],
    items: list[AgendaItem],
    *,
    now: datetime.datetime,
) -> None:
    """Approved (by circulation) and published minutes for every meeting held at least three weeks ago."""
    done = [m for m in meetings if m.starts_at < now - datetime.timedelta(days=MINUTES_AFTER_DAYS)]
    minutes = w.create(
        [
            Minutes(
                meeting=m,
                status=Minutes.Status.APPROVED,
                introduction="Mødet blev afholdt som planlagt.",
                circulated_at=m.starts_at + datetime.timedelta(days=5),
                approval_due_on=(m.starts_at + datetime.timedelta(days=12)).date(),
                approved_at=m.starts_at + datetime.timedelta(days=12),
                approved_how=Minutes.Approval.CIRCULATION,
                is_published=True,
                published_at=m.starts_at + datetime.timedelta(days=13),
            )
            for m in done
        ]
    )
    by_meeting: dict[int, list[AgendaItem]] = {}
    for item in items:
        by_meeting.setdefault(item.meeting_id, []).append(item)
    entries: list[MinutesEntry] = []
    versions: list[MinutesVersion] = []
    decisions: list[Decision] = []
    for m in minutes:
        meeting_items = by_meeting.get(m.meeting_id, [])
        content_items = []
        for item in meeting_items:
            entry = MinutesEntry(minutes=m, item=item, text=text.sentence(rng, rng.randint(10, 25)))
            entries.append(entry)
            outcome, decided = OUTCOMES[AgendaItem.Kind(item.kind)]
            if outcome == Decision.Outcome.ADOPTED and item.position % 8 == 0:
                outcome, decided = Decision.Outcome.REJECTED, "Rådet forkastede indstillingen."
            decisions.append(Decision(item=item, text=decided, outcome=outcome, decided_at=m.meeting.starts_at + HOUR))
            content_items.append(
                {
                    "item_id": item.pk,
                    "position": item.position,
                    "title": item.title,
                    "kind": item.kind,
                    "closed": item.is_closed,
                    "text": entry.text,
                    "outcome": outcome.value,
                }
            )
        names = council.member_names.get(m.meeting.term_id, [])
        content = {
            "introduction": m.introduction,
            "attendance": {"present": names[:-1], "apologies": names[-1:], "substitutes": []},
            "items": content_items,
            "approved_on": m.approved_at.date().isoformat(),
        }
        versions.append(MinutesVersion(minutes=m, number=1, content=content))
    w.create(entries)
    w.create(decisions)
    w.create(versions)
