"""Planning: writes of meetings (raad.meetings.services.planning)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import audit
from raad.core.errors import RuleViolation
from raad.core.models import User
from raad.core.services import fields_update
from raad.core.text import clean_text
from raad.councils.models import Council, Room
from raad.councils.rules import Violation, archived_message, reference
from raad.councils.selectors import current_term
from raad.councils.services import ensure_not_archived
from raad.meetings.models import (
    ExtraordinaryRequest,
    Meeting,
)

MEETING_FIELDS = (
    "kind",
    "starts_at",
    "ends_at",
    "room",
    "place",
    "address",
    "accessibility_note",
    "online_link",
    "reason",
)


def _location_violations(*, council: Council, room: Room | None, place: str, previous_room_id=None) -> list[Violation]:
    """A meeting is held in a room of the catalogue or at a place typed in; a room must be the municipality's
    and in use (a meeting that already has a room that has since gone out of use keeps it)."""
    if room is None:
        if not clean_text(place or ""):
            return [Violation("place", _("Vælg et lokale, eller skriv, hvor mødet holdes."))]
        return []
    if room.municipality_id != council.municipality_id:
        return [Violation("room", _("Vælg et af kommunens lokaler."))]
    if not room.active and room.pk != previous_room_id:
        return [Violation("room", _("Lokalet er taget ud af brug. Vælg et andet."))]
    return []


@transaction.atomic
def meeting_plan(
    *,
    council: Council,
    starts_at: datetime.datetime,
    place: str = "",
    room: Room | None = None,
    kind: str = Meeting.Kind.ORDINARY,
    ends_at: datetime.datetime | None = None,
    address: str = "",
    accessibility_note: str = "",
    online_link: str = "",
    reason: str = "",
    extraordinary_request: ExtraordinaryRequest | None = None,
    by: User | None,
) -> Meeting:
    """Put a meeting in the council's plan (R13); an extraordinary meeting may answer members' request (R14)."""
    violations = _meeting_violations(council=council, kind=kind, starts_at=starts_at, ends_at=ends_at, reason=reason)
    violations += _location_violations(council=council, room=room, place=place)
    if council.archived_at is not None:
        violations.insert(0, Violation("", archived_message(timezone.localdate(council.archived_at))))
    if violations:
        raise RuleViolation(violations)
    meeting = Meeting.objects.create(
        council=council,
        term=current_term(council, timezone.localtime(starts_at).date()),
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        room=room,
        # With a room, its name and address come from the catalogue: nothing typed twice.
        place="" if room else clean_text(place),
        address="" if room else clean_text(address),
        accessibility_note=clean_text(accessibility_note),
        online_link=online_link,
        reason=clean_text(reason),
    )
    audit.record(
        actor=by,
        verb="meeting.planned",
        target=meeting,
        council_id=council.pk,
        changes=audit.diff({}, audit.snapshot(meeting, MEETING_FIELDS)),
    )
    if extraordinary_request is not None:
        request = ExtraordinaryRequest.objects.select_for_update(of=("self",)).get(
            pk=extraordinary_request.pk, council=council
        )
        if request.meeting_id is None:
            request.meeting = meeting
            request.save(update_fields=["meeting", "updated_at"])
            audit.record(
                actor=by,
                verb="extraordinary_request.called",
                target=request,
                council_id=council.pk,
                changes=audit.created(meeting=str(meeting)),
            )
    return meeting


def _meeting_violations(*, council, kind, starts_at, ends_at, reason, exclude_pk=None) -> list[Violation]:
    violations = []
    if starts_at.tzinfo is None:
        raise ValueError("starts_at must be aware")
    if ends_at is not None and ends_at <= starts_at:
        violations.append(Violation("ends_at", _("Mødet skal slutte efter, det begynder.")))
    if kind == Meeting.Kind.EXTRAORDINARY and not (reason or "").strip():
        violations.append(
            Violation(
                "reason",
                _("Et ekstraordinært møde skal have en begrundelse (%(rule)s).")
                % {"rule": reference("extraordinary_numerator")},
            )
        )
    if kind == Meeting.Kind.CONSTITUENT:
        term = current_term(council, timezone.localtime(starts_at).date())
        if (
            term is not None
            and Meeting.objects.filter(council=council, term=term, kind=Meeting.Kind.CONSTITUENT)
            .exclude(pk=exclude_pk)
            .exclude(status=Meeting.Status.CANCELLED)
            .exists()
        ):
            violations.append(Violation("kind", _("Valgperioden har allerede et konstituerende møde.")))
    return violations


@transaction.atomic
def meeting_update(*, meeting: Meeting, data: dict[str, Any], by: User) -> Meeting:
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("council").get(pk=meeting.pk)
    ensure_not_archived(meeting.council)
    if meeting.status in (Meeting.Status.HELD, Meeting.Status.CANCELLED):
        raise RuleViolation(_("Et afholdt eller aflyst møde kan ikke ændres."))
    values = {name: data.get(name, getattr(meeting, name)) for name in MEETING_FIELDS}
    violations = _meeting_violations(
        council=meeting.council,
        kind=values["kind"],
        starts_at=values["starts_at"],
        ends_at=values["ends_at"],
        reason=values["reason"],
        exclude_pk=meeting.pk,
    )
    violations += _location_violations(
        council=meeting.council, room=values["room"], place=values["place"], previous_room_id=meeting.room_id
    )
    if violations:
        raise RuleViolation(violations)
    if values["room"] is not None:
        values["place"] = values["address"] = ""
    cleaned = ("place", "address", "accessibility_note", "reason")
    return fields_update(
        instance=meeting,
        fields=MEETING_FIELDS,
        data={name: clean_text(value) if name in cleaned else value for name, value in values.items()},
        verb="meeting.updated",
        by=by,
        council_id=meeting.council_id,
        record_unchanged=True,
    )


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, by: User) -> Meeting:
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("council").get(pk=meeting.pk)
    ensure_not_archived(meeting.council)
    if meeting.status == Meeting.Status.HELD:
        raise RuleViolation(_("Et afholdt møde kan ikke aflyses."))
    before = meeting.status
    meeting.status = Meeting.Status.CANCELLED
    meeting.save(update_fields=["status", "updated_at"])
    audit.record(
        actor=by,
        verb="meeting.cancelled",
        target=meeting,
        council_id=meeting.council_id,
        changes=audit.changed(status=(before, meeting.status)),
    )
    return meeting
