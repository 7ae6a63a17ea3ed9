"""Expense claims to approve on the secretariat's desk (raad/core/desk.py, register_tasks). One query for all
councils. The title gives the claim's number and amount, not the claimant."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core.desk import Audience, Task, secretariat_tasks
from raad.finance.models import Claim

# House practice, not a rule of procedure: a claim is decided within fourteen days of its submission.
DECISION_DAYS = 14


def collect(councils: list, user, today: datetime.date) -> list[Task]:
    return secretariat_tasks(
        councils,
        user,
        lambda ids: Claim.objects.filter(council_id__in=ids, status=Claim.Status.SUBMITTED).only(
            "pk", "council_id", "created_at"
        ),
        lambda council, c: Task(
            council=council,
            key="finance.claim",
            ref=str(c.pk),
            title=_("Udlæg nr. %(number)s venter på godkendelse") % {"number": c.pk},
            due=timezone.localtime(c.created_at).date() + datetime.timedelta(days=DECISION_DAYS),
            url=reverse("finance:claim", args=[council.slug, c.pk]),
            audience=Audience.SECRETARIAT,
        ),
    )
