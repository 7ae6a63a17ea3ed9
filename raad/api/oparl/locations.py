"""Location: the municipality's meeting rooms (`councils.Room`), and the place written on a meeting without a
room from the catalogue."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse

from raad.councils import selectors as councils
from raad.councils.models import Room
from raad.meetings import selectors as meetings
from raad.meetings.models import Meeting

from .common import Source, compact, list_page, object_answer, stamps, type_of, url


def room_location(room: Room) -> dict:
    return compact(
        {
            "id": url("location_room", room.pk),
            "type": type_of("Location"),
            "description": ", ".join(part for part in (room.name, room.address) if part),
            "room": room.name,
            "streetAddress": room.address,
            "bodies": [url("body", room.municipality_id)],
            **stamps(room),
        }
    )


def meeting_location(meeting: Meeting) -> dict:
    """The meeting's place: its room's Location, or one of its own for a place typed on the meeting."""
    if meeting.room is not None:
        return room_location(meeting.room)
    return compact(
        {
            "id": url("location_meeting", meeting.pk),
            "type": type_of("Location"),
            "description": meeting.location,
            "room": meeting.place,
            "streetAddress": meeting.address,
            "meetings": [url("meeting", meeting.pk)],
            **stamps(meeting),
        }
    )


ROOMS = Source(
    type="Location",
    rows=councils.public_rooms,
    serialize=room_location,
    object_url=lambda r: url("location_room", r.pk),
)


def _placed_meetings(body_id: int | None):
    return meetings.public_meetings_in(body_id).filter(room=None).exclude(place="", address="")


PLACES = Source(
    type="Location",
    rows=_placed_meetings,
    serialize=meeting_location,
    object_url=lambda m: url("location_meeting", m.pk),
)


def location_list(request: HttpRequest, pk: int) -> JsonResponse:
    return list_page(request, url("body_locations", pk), [ROOMS, PLACES], pk)


def room_detail(request: HttpRequest, pk: int) -> JsonResponse:
    return object_answer(request, ROOMS, pk)


def place_detail(request: HttpRequest, pk: int) -> JsonResponse:
    return object_answer(request, PLACES, pk)
