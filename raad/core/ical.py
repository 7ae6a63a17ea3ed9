"""iCalendar (RFC 5545) for every app: the calendar frame with the VTIMEZONE of Europe/Copenhagen its times
refer to (also in a feed with no event yet), one VEVENT builder (LOCATION, DESCRIPTION, URL, STATUS) and
stable UIDs. A UID names the object and its audience: `uid("meeting", 12, public=True)` in the public feed,
`uid("meeting", 12, public=False)` in a member's personal feed and the invitation e-mailed to them. So a calendar
that has a meeting from one personal source (feed or e-mail) updates it from the other, and a member who
subscribes to both the public and their personal feed sees the meeting twice, once from each, rather than
one feed overwriting (or deleting) the other's copy. The `icalendar` library does the escaping and folding.
Meetings (`raad.meetings.ical`) and events (`raad.community`) build on it."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from icalendar import Calendar, Event, Timezone

TIMEZONE = "Europe/Copenhagen"


def uid(kind: str, pk: int, *, public: bool) -> str:
    """Stable per object and audience (the site's host from SITE_URL): `meeting-12-public@host` in public
    feeds and downloads, `meeting-12@host` in a member's personal feed and e-mailed invitations."""
    audience = "-public" if public else ""
    return f"{kind}-{pk}{audience}@{urlsplit(settings.SITE_URL).hostname or 'raad'}"


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
    """The calendar with the VTIMEZONE of Europe/Copenhagen first, even before it has any event (the
    calendar's X-WR-TIMEZONE names it), then that of any other TZID an event uses."""
    if TIMEZONE not in {str(component.get("tzid")) for component in cal.walk("VTIMEZONE")}:
        cal.subcomponents.insert(0, Timezone.from_tzid(TIMEZONE))
    cal.add_missing_timezones()
    return cal.to_ical()


def response(request: HttpRequest, data: bytes, *, filename: str = "") -> HttpResponse:
    """A calendar as the answer to `request`, with an ETag of its content: a calendar client that polls the feed
    and already has this content gets 304 and no body. The ETag leaves out DTSTAMP (the time of writing, new on
    every request), so it changes only when an event does."""
    content = b"\r\n".join(line for line in data.split(b"\r\n") if not line.startswith(b"DTSTAMP"))
    etag = f'"{hashlib.sha256(content).hexdigest()}"'
    answer: HttpResponse | None = get_conditional_response(request, etag=etag)
    if answer is None:
        answer = HttpResponse(data, content_type="text/calendar; charset=utf-8")
        if filename:
            answer["Content-Disposition"] = f'inline; filename="{filename}"'
    answer["ETag"] = etag
    return answer
