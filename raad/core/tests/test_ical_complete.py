"""Every iCal output is complete (raad/core/ical.py): the VTIMEZONE of Europe/Copenhagen (also in a feed with no
event yet), LOCATION from the room, DESCRIPTION, and UIDs that stay the same from one fetch to the next and
differ between the public feeds and a member's personal feed (so a member who subscribes to both sees the
meeting twice rather than one feed overwriting the other). Read back with icalendar's parser."""

from __future__ import annotations

from icalendar import Calendar

from raad.community.tests.event_helpers import make_event, make_room
from raad.core import ical
from raad.meetings import ical as meeting_ical
from raad.meetings import services as meeting_services
from raad.meetings.tests.factories import published_meeting


def calendar(client, url) -> Calendar:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    parsed = Calendar.from_ical(response.content)
    (timezone,) = parsed.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/Copenhagen"
    assert {c.name for c in timezone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    return parsed


def test_a_feed_without_events_still_has_the_timezone_it_names(client, cast):
    empty = calendar(client, f"/raad/{cast.council.slug}/moeder/kalender.ics")
    assert empty.walk("VEVENT") == [] and str(empty["X-WR-TIMEZONE"]) == "Europe/Copenhagen"
    calendar(client, f"/raad/{cast.council.slug}/arrangementer/arrangementer.ics")
    assert Calendar.from_ical(ical.to_ical(ical.calendar("Tom"))).walk("VTIMEZONE")[0]["TZID"] == "Europe/Copenhagen"


def test_public_and_personal_meeting_feeds_have_stable_uids_that_differ(client, cast, whole_public_feed):
    meeting, *_ = published_meeting(cast)
    slug = cast.council.slug
    token = meeting_services.calendar_token_renew(user=cast.users["medlem"], council=cast.council)
    (public,) = calendar(client, f"/raad/{slug}/moeder/kalender.ics").walk("VEVENT")
    (again,) = calendar(client, f"/raad/{slug}/moeder/kalender.ics").walk("VEVENT")
    (personal,) = calendar(client, f"/raad/{slug}/moeder/kalender/{token.token}.ics").walk("VEVENT")
    (invited,) = Calendar.from_ical(meeting_ical.invitation(meeting, council_name="Rådet")).walk("VEVENT")
    assert str(public["UID"]) == str(again["UID"]) == f"meeting-{meeting.pk}-public@raad.test"
    assert str(personal["UID"]) == str(invited["UID"]) == f"meeting-{meeting.pk}@raad.test"
    for event in (public, personal):
        assert str(event["LOCATION"]) == "Holbæk Rådhus, Kanalstræde 2, 4300 Holbæk"
        assert str(event["DESCRIPTION"]).startswith("https://raad.test/")


def test_event_file_and_feed_share_the_public_uid_and_carry_room_and_description(client, cast):
    room = make_room(cast.council)
    event = make_event(cast.council, cast.secretary, room=room, place="", address="")
    slug = cast.council.slug
    (single,) = calendar(client, f"/raad/{slug}/arrangementer/{event.pk}/arrangement.ics").walk("VEVENT")
    (listed,) = calendar(client, f"/raad/{slug}/arrangementer/arrangementer.ics").walk("VEVENT")
    assert str(single["UID"]) == str(listed["UID"]) == f"event-{event.pk}-public@raad.test"
    assert str(listed["LOCATION"]) == "Biblioteket, Klosterstræde 13, 4300 Holbæk"
    description = str(listed["DESCRIPTION"]).split("\n")
    assert description[0] == f"https://raad.test/raad/{slug}/arrangementer/{event.pk}/"
    assert "Niveaufri adgang" in description
