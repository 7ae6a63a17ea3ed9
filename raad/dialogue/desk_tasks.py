"""Inquiries waiting for triage on the secretariat's desk (raad/core/desk.py, register_tasks). One query for
all councils. The title names the case number only, never the citizen."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core.desk import Audience, Task, councils_with_role
from raad.core.roles import Role
from raad.dialogue.models import Inquiry

# House practice, not a rule of procedure: an inquiry is triaged within ten days of its arrival.
TRIAGE_DAYS = 10


def collect(councils: list, user, today: datetime.date) -> list[Task]:
    staffed = {c.pk: c for c in councils_with_role(councils, user, Role.SECRETARIAT)}
    if not staffed:
        return []
    return [
        Task(
            council=staffed[i.council_id],
            key="dialogue.triage",
            ref=str(i.pk),
            title=_("Henvendelse %(reference)s venter på vurdering") % {"reference": i.reference},
            due=timezone.localtime(i.created_at).date() + datetime.timedelta(days=TRIAGE_DAYS),
            url=reverse("dialogue:inquiry", args=[staffed[i.council_id].slug, i.pk]),
            audience=Audience.SECRETARIAT,
        )
        for i in Inquiry.objects.filter(
            council_id__in=list(staffed),
            classification=Inquiry.Classification.UNSORTED,
            status=Inquiry.Status.RECEIVED,
        ).only("pk", "council_id", "reference", "created_at")
    ]
