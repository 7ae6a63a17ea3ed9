"""The dialogue's work on the secretariat's desk (raad/core/desk.py, register_tasks): inquiries waiting for
triage (the case number only, never the citizen), and the retention erasures of the next 30 days (counts per
council, from the same selectors the retention command erases by). A fixed number of queries for all councils."""

from __future__ import annotations

import datetime
import functools

from django.db.models import Count, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from raad.core.desk import RETENTION_AHEAD_DAYS, Audience, Task, councils_with_role, erased_from, secretariat_tasks
from raad.core.roles import Role
from raad.councils.rules import reference
from raad.councils.selectors import rule_days_by_council, rules_in_force_by_council
from raad.dialogue.models import Inquiry
from raad.dialogue.selectors import retention


def collect(councils: list, user, today: datetime.date) -> list[Task]:
    return _triage(councils, user, today) + _retention(councils, user, today)


def _triage(councils: list, user, today: datetime.date) -> list[Task]:
    days: dict[int, int] = {}

    def rows(ids: list[int]):
        # The rules in force: an inquiry is triaged within `inquiry_triage_days` of its arrival.
        days.update(rule_days_by_council(ids, "inquiry_triage_days", today))
        return Inquiry.objects.filter(
            council_id__in=ids,
            classification=Inquiry.Classification.UNSORTED,
            status=Inquiry.Status.RECEIVED,
        ).only("pk", "council_id", "reference", "created_at")

    return secretariat_tasks(
        councils,
        user,
        rows,
        lambda council, i: Task(
            council=council,
            key="dialogue.triage",
            ref=str(i.pk),
            title=_("Henvendelse %(reference)s venter på vurdering") % {"reference": i.reference},
            due=timezone.localtime(i.created_at).date() + datetime.timedelta(days=days[council.pk]),
            url=reverse("dialogue:inquiry", args=[council.slug, i.pk]),
            audience=Audience.SECRETARIAT,
        ),
    )


def _details_title(n: int) -> str:
    return ngettext(
        "Kontaktoplysningerne i %(n)s henvendelse slettes efter opbevaringsfristen fra %(date)s",
        "Kontaktoplysningerne i %(n)s henvendelser slettes efter opbevaringsfristen fra %(date)s",
        n,
    )


def _texts_title(n: int) -> str:
    return ngettext(
        "Teksten i %(n)s enkeltsag slettes efter opbevaringsfristen fra %(date)s",
        "Teksten i %(n)s enkeltsager slettes efter opbevaringsfristen fra %(date)s",
        n,
    )


# (task key, the retention selector, the date it counts from, the selector's cutoff, the rule, the title)
_KINDS = (
    (
        "dialogue.retention_details",
        retention.inquiry_details_due,
        "created_at",
        retention.details_cutoff,
        "inquiry_retention_months",
        _details_title,
    ),
    (
        "dialogue.retention_texts",
        retention.individual_texts_due,
        "triaged_at",
        retention.texts_cutoff,
        "individual_case_retention_months",
        _texts_title,
    ),
)


def _retention(councils: list, user, today: datetime.date) -> list[Task]:
    """One task per kind and council: how many are erased within the next 30 days, due the first day."""
    staffed = {c.pk: c for c in councils_with_role(councils, user, Role.SECRETARIAT)}
    if not staffed:
        return []
    procedures = rules_in_force_by_council(staffed, today)
    last = today + datetime.timedelta(days=RETENTION_AHEAD_DAYS)
    tasks = []
    for key, due_rows, clock, cutoff, field, title in _KINDS:
        counted = due_rows(procedures, last).order_by().values("council_id").annotate(n=Count("pk"), first=Min(clock))
        for row in counted:
            council = staffed[row["council_id"]]
            months = getattr(procedures[council.pk], field)
            day = erased_from(row["first"], functools.partial(cutoff, months=months), today, last)
            tasks.append(
                Task(
                    council=council,
                    key=key,
                    ref=str(council.pk),
                    title=title(row["n"]) % {"n": row["n"], "date": date_format(day, "j. F Y")},
                    detail=_("Opbevaringsperioden står i %(ref)s.") % {"ref": reference(field)},
                    due=day,
                    url=reverse("dialogue:inquiries", args=[council.slug]),
                    audience=Audience.SECRETARIAT,
                )
            )
    return tasks
