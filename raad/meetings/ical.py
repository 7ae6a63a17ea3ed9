"""iCalendar feeds (RFC 5545): the public feed has dates only; a member's private feed has the details."""

from __future__ import annotations

import datetime

from django.utils import timezone
from icalendar import Calendar, Event

from raad.core.links import absolute_url
from raad.meetings.models import Meeting


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Råd//Møder//DA")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Copenhagen")
    return calendar


def _event(meeting: Meeting, host: str, summary: str) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{host}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", timezone.localtime(meeting.starts_at))
    event.add("dtend", timezone.localtime(meeting.ends_at or meeting.starts_at + datetime.timedelta(hours=2)))
    event.add("summary", summary)
    if meeting.status == Meeting.Status.CANCELLED:
        event.add("status", "CANCELLED")
    return event


def public_feed(meetings: list[Meeting], *, council_name: str, host: str) -> bytes:
    """Dates and the public page of each meeting: no place details, no agenda text."""
    calendar = _calendar(council_name)
    for meeting in meetings:
        event = _event(meeting, host, f"{council_name}: {meeting.get_kind_display()}")
        event.add("url", absolute_url(meeting.get_public_url()))
        calendar.add_component(event)
    return calendar.to_ical()


def member_feed(meetings: list[Meeting], *, council_name: str, host: str) -> bytes:
    calendar = _calendar(council_name)
    for meeting in meetings:
        event = _event(meeting, host, f"{council_name}: {meeting.get_kind_display()}")
        event.add("location", ", ".join(part for part in (meeting.place, meeting.address) if part))
        description = [absolute_url(meeting)]
        if meeting.online_link:
            description.append(meeting.online_link)
        if meeting.accessibility_note:
            description.append(meeting.accessibility_note)
        event.add("description", "\n".join(description))
        calendar.add_component(event)
    return calendar.to_ical()
