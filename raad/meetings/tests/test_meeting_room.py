"""A meeting in a room of the catalogue: its name, address and accessibility are typed once (in the catalogue)
and shown on the public page, in the agenda PDF and in iCal (LOCATION); a meeting at a place typed in works
as before."""

from __future__ import annotations

import io

from django.urls import reverse
from icalendar import Calendar
from pypdf import PdfReader

from raad.councils.services.rooms import room_create
from raad.meetings import services
from raad.meetings.models import Meeting

from .conftest import at

ROOM = {
    "name": "Holbæk Bibliotek, salen",
    "address": "Kanalstræde 1, 4300 Holbæk",
    "capacity": 80,
    "step_free": True,
    "hearing_loop": True,
    "accessibility_note": "Indgang i gadeniveau.",
    "map_url": "https://kort.example.dk/bibliotek",
}


def room_meeting(cast):
    room = room_create(council=cast.council, data=ROOM, by=cast.secretary)
    meeting = services.meeting_plan(council=cast.council, starts_at=at(2026, 12, 10), room=room, by=cast.secretary)
    services.item_add(meeting=meeting, title="Sprogcafé på biblioteket", by=cast.secretary)
    return room, meeting


def test_the_public_page_pdf_and_ical_show_the_room(client, cast, whole_public_feed):
    room, meeting = room_meeting(cast)
    assert (meeting.place, meeting.address) == ("", "")  # nothing typed twice
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    page = client.get(meeting.get_public_url()).content.decode()
    assert "Holbæk Bibliotek, salen, Kanalstræde 1, 4300 Holbæk" in page
    assert "Niveaufri adgang · Teleslynge · Indgang i gadeniveau." in page
    assert 'href="https://kort.example.dk/bibliotek"' in page
    response = client.get(reverse("meetings_public:agenda_pdf", args=[cast.council.slug, meeting.pk]))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages).split())
    assert "Holbæk Bibliotek, salen, Kanalstræde 1, 4300 Holbæk" in text
    assert "Niveaufri adgang · Teleslynge" in text
    data = client.get(f"/raad/{cast.council.slug}/moeder/kalender.ics").content
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    assert str(event["LOCATION"]) == "Holbæk Bibliotek, salen, Kanalstræde 1, 4300 Holbæk"
    assert "Niveaufri adgang · Teleslynge · Indgang i gadeniveau." in str(event["DESCRIPTION"])
    assert "https://kort.example.dk/bibliotek" in str(event["DESCRIPTION"])
    # A change in the catalogue shows everywhere at once.
    room.address = "Kanalstræde 1A, 4300 Holbæk"
    room.save()
    assert "Kanalstræde 1A" in client.get(meeting.get_public_url()).content.decode()


def test_the_meeting_form_offers_active_rooms_or_a_place(client, cast, login_secretary):
    room = room_create(council=cast.council, data=ROOM, by=cast.secretary)
    old = room_create(council=cast.council, data={**ROOM, "name": "Gamle rådhus"}, by=cast.secretary)
    old.active = False
    old.save()
    new_url = reverse("meetings:meeting_new", args=[cast.council.slug])
    page = client.get(new_url).content.decode()
    assert "Holbæk Bibliotek, salen" in page and "Gamle rådhus" not in page
    # Neither a room nor a place: a clear error, what was typed kept, nothing saved.
    response = client.post(
        new_url, {"kind": "ordinary", "starts_at": "2026-12-10T17:00", "accessibility_note": "Tolk på stedet"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Vælg et lokale, eller skriv, hvor mødet holdes." in page and "Tolk på stedet" in page
    # A room out of use, forged into the form: refused.
    response = client.post(new_url, {"kind": "ordinary", "starts_at": "2026-12-10T17:00", "room": old.pk})
    assert response.status_code == 400
    assert Meeting.objects.count() == 0
    response = client.post(new_url, {"kind": "ordinary", "starts_at": "2026-12-10T17:00", "room": room.pk})
    assert response.status_code == 302
    assert Meeting.objects.get().room == room


def test_a_meeting_at_a_place_typed_in_keeps_working(client, cast):
    meeting = services.meeting_plan(
        council=cast.council,
        starts_at=at(2026, 12, 10),
        place="Foreningshuset",
        address="Ahlgade 1, 4300 Holbæk",
        by=cast.secretary,
    )
    page = client.get(meeting.get_public_url()).content.decode()
    assert "Foreningshuset, Ahlgade 1, 4300 Holbæk" in page
    assert meeting.room_accessibility == []
