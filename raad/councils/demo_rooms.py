"""Demo story: Holbæk Kommune's rooms for the council (kommissorium, Økonomi: "lokaler stilles til rådighed
for møder"). Runs before the meetings story, which holds the demo meetings in the town hall's meeting room.
The events story holds its events in the same rooms (`ensure_rooms`). The addresses are
real public buildings; the capacities and accessibility details are invented for the demo."""

from __future__ import annotations

from raad.councils.models import Room

TOWN_HALL = "Holbæk Rådhus, mødelokale 1"
LIBRARY = "Holbæk Bibliotek, salen"
COMMUNITY_HOUSE = "Medborgerhuset Holbæk Øst"

ROOMS = (
    {
        "name": TOWN_HALL,
        "address": "Kanalstræde 2, 4300 Holbæk",
        "capacity": 30,
        "step_free": True,
        "hearing_loop": True,
        "accessibility_note": "Elevator fra hovedindgangen. Handicapparkering ved indgangen.",
        "map_url": "https://www.openstreetmap.org/search?query=Kanalstr%C3%A6de%202%2C%204300%20Holb%C3%A6k",
    },
    {
        "name": LIBRARY,
        "address": "Kanalstræde 1, 4300 Holbæk",
        "capacity": 80,
        "step_free": True,
        "hearing_loop": True,
        "accessibility_note": "Indgang i gadeniveau. Teleslynge i salen.",
        "map_url": "https://www.openstreetmap.org/search?query=Kanalstr%C3%A6de%201%2C%204300%20Holb%C3%A6k",
    },
    {
        "name": COMMUNITY_HOUSE,
        "address": "Ladegårdsvej 2, 4300 Holbæk",
        "capacity": 50,
        "step_free": False,
        "hearing_loop": False,
        "accessibility_note": "Tre trin ved indgangen; rampe kan lånes.",
        "map_url": "",
    },
)


def ensure_rooms(municipality_id: int) -> dict[str, Room]:
    """The demo rooms, created once (get_or_create by municipality and name)."""
    rooms = {}
    for values in ROOMS:
        defaults = {k: v for k, v in values.items() if k != "name"}
        room, _created = Room.objects.get_or_create(
            municipality_id=municipality_id, name=values["name"], defaults=defaults
        )
        rooms[room.name] = room
    return rooms


def load(context) -> None:
    rooms = ensure_rooms(context.council.municipality_id)
    context.notes.append(f"Rooms: {len(rooms)} in the municipality's catalogue; the meetings use {TOWN_HALL}.")
