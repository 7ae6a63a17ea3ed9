"""Helpers every meetings selector shares: the meeting's local date, its rules of procedure, orderings."""

from __future__ import annotations

import datetime

from django.db.models import Case, Value, When
from django.utils import timezone

from raad.councils.models import RulesOfProcedure
from raad.councils.selectors import rules_in_force
from raad.meetings.models import Meeting


def _not_cancelled_first():
    """An ordering expression: meetings that are not cancelled first."""
    return Case(When(status=Meeting.Status.CANCELLED, then=Value(1)), default=Value(0))


def local_date(meeting: Meeting) -> datetime.date:
    return timezone.localtime(meeting.starts_at).date()


def rules_for(meeting: Meeting) -> RulesOfProcedure:
    """The rules of procedure in force on the meeting date (R8). Kept on the meeting object for its date, so
    the several rules a write consults (deadlines, substitutes, quorum) cost one read."""
    on = local_date(meeting)
    cached = getattr(meeting, "_rules_in_force", None)
    if cached is None or cached[0] != (meeting.council_id, on):
        cached = ((meeting.council_id, on), rules_in_force(meeting.council_id, on))
        meeting._rules_in_force = cached  # type: ignore[attr-defined]
    return cached[1]
