"""Helpers of the events tests: a room, a listed association and a published event of the cast's council."""

from __future__ import annotations

import datetime

from django.utils import timezone

from raad.community.models import Association
from raad.community.services import events as services
from raad.councils.models import Room


def make_room(council, **extra):
    values = {
        "address": "Klosterstræde 13, 4300 Holbæk",
        "step_free": True,
        "hearing_loop": True,
        "map_url": "https://example.invalid/kort",
        **extra,
    }
    return Room.objects.create(municipality_id=council.municipality_id, name=extra.pop("name", "Biblioteket"), **values)


def make_association(council, name="Foreningen Sammen", status=Association.Status.LISTED):
    return Association.objects.create(council=council, name=name, status=status)


def make_event(council, by=None, *, publish=True, days=10, **extra):
    start = timezone.now() + datetime.timedelta(days=days)
    data = {
        "title": "Sprogcafé",
        "description": "Øv dansk.",
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=2),
        "place": "Biblioteket",
        "address": "Klosterstræde 13, 4300 Holbæk",
        "registration_required": True,
        "capacity": 4,
        **extra,
    }
    event = services.event_create(council=council, data=data, by=by)
    return services.event_publish(event=event, by=by) if publish else event


def register(event, name="Hanne Mortensen", email="hanne@test.invalid", seats=1, **extra):
    return services.registration_create(event=event, name=name, email=email, seats=seats, **extra)
