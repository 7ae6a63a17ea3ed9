"""Events on the secretariat's desk (raad/core/desk.py, register_tasks): every event that is not cancelled and
starts within the next 30 days, to prepare; and the registrants' details erased within the next 30 days (a count
per council, from the same selector the retention command erases by). A fixed number of queries for all councils."""

from __future__ import annotations

import datetime
import functools

from django.db.models import Count, Min
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from raad.community.models import Event, PressRelease
from raad.community.selectors.events import registrations_cutoff, registrations_due_for_erasure
from raad.core.desk import RETENTION_AHEAD_DAYS, Audience, Task, councils_with_role, erased_from
from raad.core.roles import Role
from raad.councils.rules import reference
from raad.councils.selectors import rules_in_force_by_council

AHEAD_DAYS = 30


def collect(councils: list, user, today: datetime.date) -> list[Task]:
    staffed = {c.pk: c for c in councils_with_role(councils, user, Role.SECRETARIAT)}
    tasks = _releases_to_approve(councils, user, staffed, today)
    if not staffed:
        return tasks
    now = timezone.now()
    return (
        tasks
        + _retention(staffed, today)
        + [
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
                council_id__in=list(staffed),
                starts_at__gte=now,
                starts_at__lte=now + datetime.timedelta(days=AHEAD_DAYS),
            )
            .exclude(status=Event.Status.CANCELLED)
            .only("pk", "council_id", "title", "starts_at")
        ]
    )


def _retention(staffed: dict, today: datetime.date) -> list[Task]:
    procedures = rules_in_force_by_council(staffed, today)
    last = today + datetime.timedelta(days=RETENTION_AHEAD_DAYS)
    counted = (
        registrations_due_for_erasure(procedures, last)
        .order_by()
        .values("event__council_id")
        .annotate(n=Count("pk"), first=Min(Coalesce("event__ends_at", "event__starts_at")))
    )
    tasks = []
    for row in counted:
        council = staffed[row["event__council_id"]]
        days = procedures[council.pk].event_registration_retention_days
        day = erased_from(row["first"], functools.partial(registrations_cutoff, days=days), today, last)
        tasks.append(
            Task(
                council=council,
                key="community.retention",
                ref=str(council.pk),
                title=ngettext(
                    "Oplysningerne om %(n)s tilmeldt slettes efter opbevaringsfristen fra %(date)s",
                    "Oplysningerne om %(n)s tilmeldte slettes efter opbevaringsfristen fra %(date)s",
                    row["n"],
                )
                % {"n": row["n"], "date": date_format(day, "j. F Y")},
                detail=_("Opbevaringsperioden står i %(ref)s.")
                % {"ref": reference("event_registration_retention_days")},
                due=day,
                url=reverse("community:events_workspace", args=[council.slug]),
                audience=Audience.SECRETARIAT,
            )
        )
    return tasks


def _releases_to_approve(councils: list, user, staffed: dict, today: datetime.date) -> list[Task]:
    """A press release in draft waits for the forperson's approval (only the forperson in office can give it):
    a personal task for the forperson, and the secretariat follows it. There is no deadline in the rules: the
    task is due today, every day, until it is approved."""
    chaired = {c.pk: c for c in councils_with_role(councils, user, Role.CHAIR)}
    by_pk = {**staffed, **chaired}
    if not by_pk:
        return []
    tasks = []
    for release in PressRelease.objects.filter(council_id__in=list(by_pk), status=PressRelease.Status.DRAFT).only(
        "pk", "council_id", "title"
    ):
        council = by_pk[release.council_id]
        url = reverse("community:press_release_workspace", args=[council.slug, release.pk])
        if release.council_id in chaired:
            tasks.append(
                Task(
                    council=council,
                    key="community.press_approval",
                    ref=str(release.pk),
                    title=_("Godkend pressemeddelelsen: %(title)s") % {"title": release.title},
                    due=today,
                    url=url,
                    audience=Audience.PERSONAL,
                )
            )
        if release.council_id in staffed:
            tasks.append(
                Task(
                    council=council,
                    key="community.press_awaiting",
                    ref=str(release.pk),
                    title=_("Pressemeddelelse venter på forpersonens godkendelse: %(title)s")
                    % {"title": release.title},
                    due=today,
                    url=url,
                    audience=Audience.SECRETARIAT,
                )
            )
    return tasks
