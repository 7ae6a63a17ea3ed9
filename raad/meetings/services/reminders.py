"""Reminders: writes of meetings (raad.meetings.services.reminders)."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from raad.core.links import absolute_url
from raad.meetings import notify, selectors
from raad.meetings.models import (
    Meeting,
)
from raad.membership.selectors import memberships_in_force

from .common import email_of


@transaction.atomic
def item_deadline_reminders_queue(*, lead: datetime.timedelta, now: datetime.datetime | None = None) -> int:
    """Remind the members of every planned meeting whose item deadline falls within `lead` from now.
    Each member is reminded once per meeting (the mail key), however often this runs."""
    now = now or timezone.now()
    queued = 0
    candidates = Meeting.objects.filter(status=Meeting.Status.PLANNED, starts_at__gt=now).select_related("council")
    for meeting in candidates:
        deadline = selectors.deadlines(meeting).item_deadline
        if not now <= deadline <= now + lead:
            continue
        for membership in memberships_in_force(meeting.council_id, selectors.local_date(meeting)).select_related(
            "person__user"
        ):
            if notify.queue(
                council=meeting.council_id,
                key=f"item-deadline:{meeting.pk}:{membership.pk}",
                to=email_of(membership.person),
                recipient=membership.person,
                template="item_deadline",
                context={
                    "meeting": meeting,
                    "person": membership.person,
                    "deadline": deadline,
                    "url": absolute_url(meeting),
                },
            ):
                queued += 1
    return queued
