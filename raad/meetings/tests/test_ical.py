"""iCalendar (RFC 5545): the public feed, a member's feed and the notice's invitation come from one builder.
Each carries the VTIMEZONE of Europe/Copenhagen, LOCATION and DESCRIPTION, a UID stable per meeting, lines
folded at 75 octets with CRLF, and text escaped; they are read back with icalendar's parser."""

from __future__ import annotations

import datetime

from icalendar import Calendar

from raad.meetings import ical, services

from .factories import SECRET, published_meeting


def feed(client, cast, token=None):
    tail = f"kalender/{token}.ics" if token else "kalender.ics"
    response = client.get(f"/raad/{cast.council.slug}/moeder/{tail}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def assert_well_formed(data: bytes) -> Calendar:
    assert data.endswith(b"\r\n")
    for line in data.split(b"\r\n"):
        assert b"\n" not in line and b"\r" not in line
        assert len(line) <= 75, line  # folded (RFC 5545 §3.1)
    calendar = Calendar.from_ical(data)
    (timezone,) = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/Copenhagen"
    assert {c.name for c in timezone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    return calendar


def test_public_feed_has_timezone_place_and_description_and_nothing_closed(client, cast, whole_public_feed):
    meeting, *_ = published_meeting(cast)
    data = feed(client, cast)
    calendar = assert_well_formed(data)
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"meeting-{meeting.pk}-public@raad.test"  # not the member feed's UID
    assert event["DTSTART"].params["TZID"] == "Europe/Copenhagen"
    assert event.decoded("dtstart") == meeting.starts_at
    assert event.decoded("dtend") == meeting.starts_at + datetime.timedelta(hours=2)
    assert str(event["LOCATION"]) == "Holbæk Rådhus, Kanalstræde 2, 4300 Holbæk"
    public_url = f"https://raad.test/raad/{cast.council.slug}/moeder/{meeting.pk}/"
    assert str(event["DESCRIPTION"]) == f"{public_url}\nNiveaufri adgang og teleslynge."
    assert str(event["URL"]) == public_url
    assert b"LOCATION:Holb\xc3\xa6k R\xc3\xa5dhus\\, Kanalstr\xc3\xa6de 2\\, 4300 Holb\xc3\xa6k\r\n" in data  # escaped
    unfolded = data.replace(b"\r\n ", b"")
    assert b"moede.invalid" not in unfolded  # the online link is for members
    assert SECRET.encode() not in unfolded


def test_member_feed_and_invitation_share_the_uid_and_carry_the_online_link(client, cast):
    meeting, *_ = published_meeting(cast)
    token = services.calendar_token_renew(user=cast.users["medlem"], council=cast.council)
    calendar = assert_well_formed(feed(client, cast, token.token))
    (member_event,) = calendar.walk("VEVENT")
    invitation = assert_well_formed(ical.invitation(meeting, council_name=cast.council.name, extra=["1. Punkt"]))
    (invited,) = invitation.walk("VEVENT")
    assert str(invitation["METHOD"]) == "PUBLISH"
    assert str(member_event["UID"]) == str(invited["UID"]) == f"meeting-{meeting.pk}@raad.test"
    workspace_url = f"https://raad.test/arbejdsrum/{cast.council.slug}/moeder/{meeting.pk}/"
    assert str(member_event["DESCRIPTION"]).split("\n") == [
        workspace_url,
        "https://moede.invalid/raad",
        "Niveaufri adgang og teleslynge.",
    ]
    assert str(invited["DESCRIPTION"]).endswith("\n1. Punkt")


def test_a_cancelled_meeting_is_cancelled_in_the_feed(client, cast):
    meeting = services.meeting_plan(
        council=cast.council,
        starts_at=datetime.datetime(2027, 3, 4, 16, tzinfo=datetime.UTC),
        place="Biblioteket; sal 2",
        by=cast.secretary,
    )
    meeting = services.meeting_cancel(meeting=meeting, by=cast.secretary)
    data = ical.public_feed([meeting], council_name="Rådet")
    (event,) = assert_well_formed(data).walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["LOCATION"]) == "Biblioteket; sal 2"
    assert b"LOCATION:Biblioteket\\; sal 2\r\n" in data
    assert event.decoded("dtstart") == datetime.datetime(2027, 3, 4, 16, tzinfo=datetime.UTC)
    assert event["DTSTART"].to_ical() == b"20270304T170000"  # local time in Copenhagen


def test_public_feed_reaches_a_year_back_and_answers_304_while_nothing_changed(client, cast):
    from django.utils import timezone

    from raad.meetings.models import Meeting
    from raad.meetings.selectors.public import PUBLIC_FEED_DAYS_BACK

    meeting, *_ = published_meeting(cast)
    now = timezone.now()
    within, too_old = (
        services.meeting_plan(
            council=cast.council, starts_at=now - datetime.timedelta(days=d), place="Rådhuset", by=cast.secretary
        )
        for d in (PUBLIC_FEED_DAYS_BACK - 5, PUBLIC_FEED_DAYS_BACK + 5)
    )
    url = f"/raad/{cast.council.slug}/moeder/kalender.ics"
    first = client.get(url)
    uids = {str(e["UID"]) for e in Calendar.from_ical(first.content).walk("VEVENT")}
    in_window = [m for m in (meeting, within) if m.starts_at >= now - datetime.timedelta(days=PUBLIC_FEED_DAYS_BACK)]
    assert within in in_window  # (the published meeting's date is fixed: under a moved clock it can be older)
    assert uids == {f"meeting-{m.pk}-public@raad.test" for m in in_window}  # not the one before
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert (again.status_code, again.content, again["ETag"]) == (304, b"", first["ETag"])
    Meeting.objects.filter(pk=within.pk).update(place="Biblioteket")
    changed = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200 and b"Biblioteket" in changed.content
    assert changed["ETag"] != first["ETag"] and f"meeting-{too_old.pk}-".encode() not in changed.content
