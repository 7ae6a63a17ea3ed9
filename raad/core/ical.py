"""iCalendar (RFC 5545) for every app: the calendar frame with the VTIMEZONE of Europe/Copenhagen its times
refer to, one VEVENT builder and stable UIDs (`uid("meeting", 12)`), so a calendar that has an event from one
source (a feed, an e-mail) updates it from another. The `icalendar` library does the escaping and folding.
Meetings (`raad.meetings.ical`) and events (`raad.community`) build on it."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

TIMEZONE = "Europe/Copenhagen"


def uid(kind: str, pk: int) -> str:
    """Stable per object: the same in every feed and every e-mail (the site's host from SITE_URL)."""
    return f"{kind}-{pk}@{urlsplit(settings.SITE_URL).hostname or 'raad'}"


def calendar(name: str, *, prodid: str = "-//Råd//Møder//DA") -> Calendar:
    cal = Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TIMEZONE)
    return cal


def local(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value, timezone=ZoneInfo(TIMEZONE))


def vevent(
    *,
    uid: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime | None,
    summary: str,
    location: str,
    description: Iterable[str],
    url: str,
    cancelled: bool,
    default_hours: int = 2,
) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", local(starts_at))
    event.add("dtend", local(ends_at or starts_at + datetime.timedelta(hours=default_hours)))
    event.add("summary", summary)
    if location:
        event.add("location", location)
    event.add("description", "\n".join(line for line in description if line))
    event.add("url", url)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def to_ical(cal: Calendar) -> bytes:
    cal.add_missing_timezones()  # the VTIMEZONE of every TZID the events use
    return cal.to_ical()
