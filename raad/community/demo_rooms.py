"""Demo: rooms of Holbæk Kommune's catalogue that the council's meetings and events use. The rooms slice may
add more here. Addresses are real public buildings in Holbæk; capacities and accessibility flags are invented.
Idempotent: `demo_rooms(council)` gets or creates each by name."""

from __future__ import annotations

from raad.councils.models import Council, Room

# name → (address, capacity, step-free, hearing loop, note, map link)
ROOMS = {
    "Holbæk Bibliotek, Store sal": (
        "Klosterstræde 13, 4300 Holbæk",
        80,
        True,
        True,
        "Elevator fra indgangen. Handicaptoilet på 1. sal.",
        "https://www.openstreetmap.org/search?query=Klosterstr%C3%A6de%2013%2C%204300%20Holb%C3%A6k",
    ),
    "Holbæk Rådhus, mødelokale 1": (
        "Kanalstræde 2, 4300 Holbæk",
        30,
        True,
        True,
        "Indgang fra Kanalstræde. Handicapparkering ved indgangen.",
        "https://www.openstreetmap.org/search?query=Kanalstr%C3%A6de%202%2C%204300%20Holb%C3%A6k",
    ),
    "Ahornhuset, fælleshuset": (
        "Ahornvej 2, 4300 Holbæk",
        60,
        False,
        False,
        "Tre trin ved indgangen; rampe kan lånes.",
        "https://www.openstreetmap.org/search?query=Ahornvej%202%2C%204300%20Holb%C3%A6k",
    ),
}


def demo_rooms(council: Council) -> dict[str, Room]:
    rooms = {}
    for name, (address, capacity, step_free, hearing_loop, note, map_url) in ROOMS.items():
        rooms[name], _created = Room.objects.get_or_create(
            municipality_id=council.municipality_id,
            name=name,
            defaults={
                "address": address,
                "capacity": capacity,
                "step_free": step_free,
                "hearing_loop": hearing_loop,
                "accessibility_note": note,
                "map_url": map_url,
            },
        )
    return rooms
