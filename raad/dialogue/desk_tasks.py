"""Inquiries waiting for triage on the secretariat's desk (raad/core/desk.py, register_tasks). One query for
all councils. The title names the case number only, never the citizen."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core.desk import Audience, Task, secretariat_tasks
from raad.dialogue.models import Inquiry

# House practice, not a rule of procedure: an inquiry is triaged within ten days of its arrival.
TRIAGE_DAYS = 10


def collect(councils: list, user, today: datetime.date) -> list[Task]:
    return secretariat_tasks(
        councils,
        user,
        lambda ids: Inquiry.objects.filter(
            council_id__in=ids,
            classification=Inquiry.Classification.UNSORTED,
            status=Inquiry.Status.RECEIVED,
        ).only("pk", "council_id", "reference", "created_at"),
        lambda council, i: Task(
            council=council,
            key="dialogue.triage",
            ref=str(i.pk),
            title=_("Henvendelse %(reference)s venter på vurdering") % {"reference": i.reference},
            due=timezone.localtime(i.created_at).date() + datetime.timedelta(days=TRIAGE_DAYS),
            url=reverse("dialogue:inquiry", args=[council.slug, i.pk]),
            audience=Audience.SECRETARIAT,
        ),
    )
