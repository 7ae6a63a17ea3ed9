"""Confidentiality: writes of meetings (raad.meetings.services.confidentiality)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from raad.core import audit
from raad.core.models import User
from raad.meetings.models import (
    AgendaItem,
    Meeting,
)


@transaction.atomic
def closed_items_read_record(*, meeting: Meeting, items: Iterable[AgendaItem], user: User, what: str) -> None:
    """Journal that `user` read closed items (or a closed attachment) of the meeting (R27)."""
    closed = [item.position for item in items if item.is_closed]
    if closed:
        audit.record(
            actor=user,
            verb="meeting.closed_items_read",
            target=meeting,
            council_id=meeting.council_id,
            changes=audit.created(what=what, items=closed),
        )
