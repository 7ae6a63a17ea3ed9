"""schema.org data for an event's public page (JSON-LD, `raad.core.jsonld`): what the page itself shows (name,
times, place and address, the council as organiser, cancelled or not), nothing about registrants."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone, translation

from raad.community.models import Event
from raad.core.jsonld import postal_address
from raad.core.links import absolute_url
from raad.core.translations import localized


def event_data(event: Event, council: Any) -> dict[str, Any]:
    room = event.room if event.room_id else None
    place_name = room.name if room is not None else event.place
    address = room.address if room is not None else event.address
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": localized(event, "title"),
        "startDate": timezone.localtime(event.starts_at).isoformat(),
        "eventStatus": "https://schema.org/EventCancelled"
        if event.status == Event.Status.CANCELLED
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "url": absolute_url(event.get_public_url()),
        "inLanguage": translation.get_language() or "da",
        "organizer": {
            "@type": "Organization",
            "name": localized(council, "name"),
            "url": absolute_url(reverse("portal:council", args=[council.slug])),
        },
    }
    if event.ends_at:
        data["endDate"] = timezone.localtime(event.ends_at).isoformat()
    description = localized(event, "description")
    if description:
        data["description"] = description
    if place_name or address:
        location: dict[str, Any] = {"@type": "Place", "name": place_name or address}
        if address:
            location["address"] = postal_address(address)
        data["location"] = location
    return data
