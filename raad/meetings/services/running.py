"""Running the meeting: writes of the meeting screen that are not votes (raad.meetings.services.running)."""

from __future__ import annotations

from django.db import transaction

from raad.core.models import User
from raad.councils.services import ensure_not_archived
from raad.meetings import selectors
from raad.meetings.models import Attendance, Meeting

from .attendance import attendance_register


@transaction.atomic
def attendance_all_present(*, meeting: Meeting, by: User | None) -> list[Attendance]:
    """ "Alle til stede": every member without an apology is present, in one action. Members with an apology keep
    it, and a substitute who already sits in a member's place stays (R19). The journal records it as any
    registration of attendance."""
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("council").get(pk=meeting.pk)
    ensure_not_archived(meeting.council)
    rows = selectors.attendance_rows(meeting)
    return attendance_register(
        meeting=meeting,
        present=[r.membership.pk for r in rows if r.status != Attendance.Status.APOLOGY],
        substitutes_present=[r.membership.pk for r in rows if r.substitute_present],
        by=by,
    )
