"""iCalendar (RFC 5545) for meetings, on the shared `raad.core.ical`: one builder for the public feed, a
member's private feed and the invitation attached to the notice e-mail. Every calendar carries the VTIMEZONE
of Europe/Copenhagen its times refer to; every event has a UID that is the same for a meeting wherever it appears (feed or e-mail), so a calendar that has the
meeting from one source updates it from the other; the public feed's UIDs differ from a member's (see
`raad.core.ical.uid`). The `icalendar` library does the escaping and folding."""

from __future__ import annotations

from collections.abc import Sequence

from icalendar import Calendar, Event

from raad.core import ical
from raad.core.links import absolute_url
from raad.meetings.models import Meeting

TIMEZONE = ical.TIMEZONE


def meeting_uid(meeting: Meeting, *, public: bool = False) -> str:
    """Stable per meeting and audience: a member's feed and the e-mailed invitation share one UID, the public
    feed has its own (the site's host from SITE_URL)."""
    return ical.uid("meeting", meeting.pk, public=public)


def location(meeting: Meeting) -> str:
    """The room from the catalogue (its name and address) or the place typed in."""
    return meeting.location


def _accessibility(meeting: Meeting) -> list[str]:
    lines = [" · ".join(meeting.room_accessibility)] if meeting.room_accessibility else []
    if meeting.room is not None and meeting.room.map_url:
        lines.append(meeting.room.map_url)
    return lines


def _calendar(name: str) -> Calendar:
    return ical.calendar(name)


def _event(meeting: Meeting, *, public: bool, summary: str, description: list[str], url: str) -> Event:
    return ical.vevent(
        uid=meeting_uid(meeting, public=public),
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        summary=summary,
        location=location(meeting),
        description=description,
        url=url,
        cancelled=meeting.status == Meeting.Status.CANCELLED,
    )


def _to_ical(calendar: Calendar) -> bytes:
    return ical.to_ical(calendar)


def public_event(meeting: Meeting, *, council_name: str) -> Event:
    """What the public page shows: time, place, accessibility, the link to the public page."""
    url = absolute_url(meeting.get_public_url())
    return _event(
        meeting,
        public=True,
        summary=f"{council_name}: {meeting.get_kind_display()}",
        description=[url, *_accessibility(meeting), meeting.accessibility_note],
        url=url,
    )


def member_event(meeting: Meeting, *, council_name: str, extra: Sequence[str] = ()) -> Event:
    """For members: also the online link and the workspace page (and `extra` lines, e.g. the agenda)."""
    url = absolute_url(meeting)
    return _event(
        meeting,
        public=False,
        summary=f"{council_name}: {meeting.get_kind_display()}",
        description=[url, meeting.online_link, *_accessibility(meeting), meeting.accessibility_note, *extra],
        url=url,
    )


def public_feed(meetings: list[Meeting], *, council_name: str) -> bytes:
    """Time, place and the public page of each meeting: no online link, no agenda text."""
    calendar = _calendar(council_name)
    for meeting in meetings:
        calendar.add_component(public_event(meeting, council_name=council_name))
    return _to_ical(calendar)


def member_feed(meetings: list[Meeting], *, council_name: str) -> bytes:
    calendar = _calendar(council_name)
    for meeting in meetings:
        calendar.add_component(member_event(meeting, council_name=council_name))
    return _to_ical(calendar)


def invitation(meeting: Meeting, *, council_name: str, extra: Sequence[str] = ()) -> bytes:
    """The calendar invitation attached to the notice e-mail (one event, METHOD:PUBLISH)."""
    calendar = _calendar(council_name)
    calendar.add_component(member_event(meeting, council_name=council_name, extra=extra))
    return _to_ical(calendar)
