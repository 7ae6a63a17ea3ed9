"""The secretariat's staff: writes of councils (raad.councils.services.staff)."""

from __future__ import annotations

import datetime

from django.db import transaction

from raad.core import audit
from raad.core.models import User
from raad.councils.models import Council, StaffAssignment

from .common import ensure_not_archived


@transaction.atomic
def staff_assign(
    *, council: Council, user: User, role: str, starts_on: datetime.date, by: User | None
) -> StaffAssignment:
    ensure_not_archived(council)
    assignment, created = StaffAssignment.objects.get_or_create(
        council=council, user=user, role=role, starts_on=starts_on
    )
    if created:
        audit.record(
            actor=by,
            verb="staff.assigned",
            target=assignment,
            council_id=council.pk,
            changes=audit.created(user=user.username, role=role),
        )
    return assignment
