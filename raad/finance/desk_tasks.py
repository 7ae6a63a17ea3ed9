"""Expense claims to approve on the secretariat's desk (raad/core/desk.py, register_tasks). Two queries for all
councils (the rules in force, the claims). The title gives the claim's number, not the claimant."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core.desk import Audience, Task, secretariat_tasks
from raad.councils.selectors import rule_days_by_council
from raad.finance.models import Claim


def collect(councils: list, user, today: datetime.date) -> list[Task]:
    days: dict[int, int] = {}

    def rows(ids: list[int]):
        # The rules in force: a claim is decided within `claim_decision_days` of its submission.
        days.update(rule_days_by_council(ids, "claim_decision_days", today))
        return Claim.objects.filter(council_id__in=ids, status=Claim.Status.SUBMITTED).only(
            "pk", "council_id", "created_at"
        )

    return secretariat_tasks(
        councils,
        user,
        rows,
        lambda council, c: Task(
            council=council,
            key="finance.claim",
            ref=str(c.pk),
            title=_("Udlæg nr. %(number)s venter på godkendelse") % {"number": c.pk},
            due=timezone.localtime(c.created_at).date() + datetime.timedelta(days=days[council.pk]),
            url=reverse("finance:claim", args=[council.slug, c.pk]),
            audience=Audience.SECRETARIAT,
        ),
    )
