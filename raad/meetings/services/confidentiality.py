"""Confidentiality: writes of meetings (raad.meetings.services.confidentiality)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from raad.core import audit
from raad.core.models import AuditEntry, User
from raad.meetings.models import (
    AgendaItem,
    Meeting,
)


def closed_items_read_record(*, meeting: Meeting, items: Iterable[AgendaItem], user: User, what: str) -> None:
    """Journal that `user` read closed items (or a closed attachment) of the meeting (R27): once a day per
    person, meeting and what was read. Reading the same again that day writes nothing (a page view is a read,
    and the journal already says who read which closed items on which day). Not a transaction around the check:
    on SQLite a transaction takes the write lock, and a repeated read must not."""
    closed = [item.position for item in items if item.is_closed]
    if not closed:
        return
    changes = audit.created(what=what, items=closed)
    day_began = datetime.datetime.combine(timezone.localdate(), datetime.time(), tzinfo=timezone.get_current_timezone())
    earlier = AuditEntry.objects.filter(
        actor=user,
        verb="meeting.closed_items_read",
        target_type=ContentType.objects.get_for_model(Meeting),
        target_id=str(meeting.pk),
        at__gte=day_began,
    ).values_list("changes", flat=True)
    if changes in list(earlier):
        return
    with transaction.atomic():
        audit.record(
            actor=user, verb="meeting.closed_items_read", target=meeting, council_id=meeting.council_id, changes=changes
        )
