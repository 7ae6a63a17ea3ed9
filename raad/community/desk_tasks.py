"""Events to prepare on the secretariat's desk (raad/core/desk.py, register_tasks): every event that is not
cancelled and starts within the next 30 days. One query for all councils."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.community.models import Event
from raad.core.desk import Audience, Task, councils_with_role
from raad.core.roles import Role

AHEAD_DAYS = 30


def collect(councils: list, user, today: datetime.date) -> list[Task]:
    staffed = {c.pk: c for c in councils_with_role(councils, user, Role.SECRETARIAT)}
    if not staffed:
        return []
    now = timezone.now()
    return [
        Task(
            council=staffed[e.council_id],
            key="community.event",
            ref=str(e.pk),
            title=_("Forbered arrangementet: %(title)s") % {"title": e.title},
            due=timezone.localtime(e.starts_at).date(),
            url=reverse("community:event_workspace", args=[staffed[e.council_id].slug, e.pk]),
            audience=Audience.SECRETARIAT,
        )
        for e in Event.objects.filter(
            council_id__in=list(staffed), starts_at__gte=now, starts_at__lte=now + datetime.timedelta(days=AHEAD_DAYS)
        )
        .exclude(status=Event.Status.CANCELLED)
        .only("pk", "council_id", "title", "starts_at")
    ]
