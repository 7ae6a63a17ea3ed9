"""The room catalogue: the secretariat creates, edits and takes rooms out of use (never deletes them)."""

from __future__ import annotations

import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry
from raad.councils.models import Room
from raad.councils.services import rooms as services
from raad.testing.cast import log_in_verified

ROOM = {
    "name": "Holbæk Rådhus, mødelokale 1",
    "address": "Kanalstræde 2, 4300 Holbæk",
    "capacity": 30,
    "step_free": True,
    "hearing_loop": True,
    "accessibility_note": "Elevator fra hovedindgangen.",
    "map_url": "https://kort.example.dk/raadhus",
}


def url(name, cast, *args):
    return reverse(f"councils:{name}", args=[cast.council.slug, *args])


def test_the_secretariat_creates_a_room_and_the_journal_says_so(client, cast):
    log_in_verified(client, cast.secretary)
    response = client.post(url("room_new", cast), {**ROOM, "step_free": "on", "hearing_loop": "on"})
    assert response.status_code == 302
    room = Room.objects.get()
    assert (room.municipality_id, room.name, room.capacity, room.step_free, room.hearing_loop, room.active) == (
        cast.council.municipality_id,
        "Holbæk Rådhus, mødelokale 1",
        30,
        True,
        True,
        True,
    )
    assert AuditEntry.objects.filter(verb="room.created", council_id=cast.council.pk).count() == 1
    page = client.get(url("rooms", cast)).content.decode()
    assert "Holbæk Rådhus, mødelokale 1" in page and "Teleslynge" in page


def test_bad_input_keeps_what_was_typed_and_names_the_fields(client, cast):
    log_in_verified(client, cast.secretary)
    response = client.post(url("room_new", cast), {**ROOM, "name": "", "capacity": "mange", "map_url": "ikke et link"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Giv lokalet et navn." in page
    assert "Skriv antallet af pladser som et helt tal." in page
    assert "Skriv et gyldigt link" in page
    assert "Kanalstræde 2, 4300 Holbæk" in page  # kept
    assert Room.objects.count() == 0


def test_a_second_room_with_the_same_name_is_refused(client, cast):
    services.room_create(council=cast.council, data=ROOM, by=cast.secretary)
    log_in_verified(client, cast.secretary)
    response = client.post(url("room_new", cast), {**ROOM, "name": "holbæk rådhus, mødelokale 1"})
    assert response.status_code == 400
    assert "Kommunen har allerede et lokale med det navn." in response.content.decode()
    assert Room.objects.count() == 1


def test_editing_journals_what_changed(client, cast):
    room = services.room_create(council=cast.council, data=ROOM, by=cast.secretary)
    log_in_verified(client, cast.secretary)
    data = {**ROOM, "capacity": 40, "step_free": "on"}
    del data["hearing_loop"]  # unticked
    assert client.post(url("room", cast, room.pk), data).status_code == 302
    room.refresh_from_db()
    assert (room.capacity, room.hearing_loop) == (40, False)
    entry = AuditEntry.objects.get(verb="room.updated")
    assert entry.changes["capacity"] == {"before": 30, "after": 40}


def test_a_room_in_use_by_a_meeting_is_taken_out_of_use_never_deleted(client, cast):
    from raad.meetings.services import meeting_plan
    from raad.meetings.tests.conftest import at

    room = services.room_create(council=cast.council, data=ROOM, by=cast.secretary)
    meeting = meeting_plan(council=cast.council, starts_at=at(2026, 12, 10), room=room, by=cast.secretary)
    log_in_verified(client, cast.secretary)
    assert client.post(url("room_active", cast, room.pk), {"active": "0"}).status_code == 302
    room.refresh_from_db()
    meeting.refresh_from_db()
    assert room.active is False and meeting.room_id == room.pk  # the meeting keeps its room
    with pytest.raises(ProtectedError):
        room.delete()
    with pytest.raises(RuleViolation):  # not offered to a new meeting
        meeting_plan(council=cast.council, starts_at=at(2026, 12, 17), room=room, by=cast.secretary)
    assert AuditEntry.objects.filter(verb="room.deactivated").count() == 1


def test_only_the_secretariat_keeps_the_catalogue(client, cast):
    log_in_verified(client, cast.users["medlem"])
    assert client.get(url("rooms", cast)).status_code == 403
