"""Writes for the municipality's room catalogue (kommissorium, Økonomi: "lokaler stilles til rådighed for
møder"). Kept by the secretariat of a council of the municipality. A room is taken out of use, never deleted:
meetings and events keep pointing to it (the foreign keys protect it)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from raad.core import audit
from raad.core.errors import RuleViolation
from raad.core.services import fields_update
from raad.core.text import clean_text
from raad.councils.models import Council, Room
from raad.councils.rules import Violation
from raad.councils.services.common import ensure_not_archived

ROOM_FIELDS = ("name", "address", "capacity", "step_free", "hearing_loop", "accessibility_note", "map_url")
_TEXT_FIELDS = ("name", "address", "accessibility_note")


def _cleaned(*, council: Council, data: dict[str, Any], exclude_pk: int | None = None) -> dict[str, Any]:
    values = {name: data[name] for name in ROOM_FIELDS if name in data}
    for name in _TEXT_FIELDS:
        if name in values:
            values[name] = clean_text(values[name] or "")
    for name in ("step_free", "hearing_loop"):
        if name in values:
            values[name] = bool(values[name])
    if "map_url" in values:
        values["map_url"] = (values["map_url"] or "").strip()
    violations = []
    if "name" in values and not values["name"]:
        violations.append(Violation("name", _("Giv lokalet et navn.")))
    if "address" in values and not values["address"]:
        violations.append(Violation("address", _("Skriv lokalets adresse.")))
    capacity = values.get("capacity")
    if capacity is not None and capacity < 1:
        violations.append(Violation("capacity", _("Antallet af pladser skal være mindst 1.")))
    if (
        values.get("name")
        and Room.objects.filter(municipality_id=council.municipality_id, name__iexact=values["name"])
        .exclude(pk=exclude_pk or 0)
        .exists()
    ):
        violations.append(Violation("name", _("Kommunen har allerede et lokale med det navn.")))
    if violations:
        raise RuleViolation(violations)
    return values


@transaction.atomic
def room_create(*, council: Council, data: dict[str, Any], by: Any) -> Room:
    """A new room in the catalogue of the council's municipality."""
    ensure_not_archived(council)
    values = _cleaned(council=council, data=data)
    if "name" not in values or "address" not in values:
        raise RuleViolation([Violation("name", _("Giv lokalet et navn og en adresse."))])
    room = Room.objects.create(municipality_id=council.municipality_id, **values)
    audit.record(
        actor=by,
        verb="room.created",
        target=room,
        council_id=council.pk,
        changes=audit.created(**audit.snapshot(room, ROOM_FIELDS)),
    )
    return room


@transaction.atomic
def room_update(*, room: Room, council: Council, data: dict[str, Any], by: Any) -> Room:
    ensure_not_archived(council)
    room = Room.objects.select_for_update().get(pk=room.pk, municipality_id=council.municipality_id)
    values = _cleaned(council=council, data=data, exclude_pk=room.pk)
    return fields_update(
        instance=room, fields=ROOM_FIELDS, data=values, verb="room.updated", by=by, council_id=council.pk
    )


@transaction.atomic
def room_set_active(*, room: Room, council: Council, active: bool, by: Any) -> Room:
    """Take a room out of use (or back into use): a room out of use is no longer offered for new meetings
    and events; those that already use it keep it."""
    ensure_not_archived(council)
    room = Room.objects.select_for_update().get(pk=room.pk, municipality_id=council.municipality_id)
    return fields_update(
        instance=room,
        fields=("active",),
        data={"active": active},
        verb="room.activated" if active else "room.deactivated",
        by=by,
        council_id=council.pk,
    )
