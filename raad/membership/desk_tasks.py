"""Membership's work on the secretariat's desk (raad/core/desk.py, register_tasks): candidates who were not
appointed and are anonymised within the next 30 days (a count per council, never a name), from the same selector
the retention command anonymises by. A fixed number of queries for all councils."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from raad.core.desk import RETENTION_AHEAD_DAYS, Audience, Task, councils_with_role
from raad.core.roles import Role
from raad.councils.rules import reference
from raad.councils.selectors import rules_in_force_by_council
from raad.membership.selectors import nomination_anonymised_on, nominations_due_for_anonymising


def collect(councils: list, user, today: datetime.date) -> list[Task]:
    staffed = {c.pk: c for c in councils_with_role(councils, user, Role.SECRETARIAT)}
    if not staffed:
        return []
    procedures = rules_in_force_by_council(staffed, today)
    last = today + datetime.timedelta(days=RETENTION_AHEAD_DAYS)
    found: dict[int, list[datetime.date]] = {}
    for nomination in nominations_due_for_anonymising(procedures, last):
        council_id = nomination.call.council_id
        on = nomination_anonymised_on(nomination, procedures[council_id].candidate_retention_months)
        found.setdefault(council_id, []).append(max(on, today))
    tasks = []
    for council_id, days in found.items():
        council, n, day = staffed[council_id], len(days), min(days)
        tasks.append(
            Task(
                council=council,
                key="membership.retention",
                ref=str(council_id),
                title=ngettext(
                    "Oplysningerne om %(n)s kandidat, der ikke blev udpeget, slettes efter opbevaringsfristen fra "
                    "%(date)s",
                    "Oplysningerne om %(n)s kandidater, der ikke blev udpeget, slettes efter opbevaringsfristen fra "
                    "%(date)s",
                    n,
                )
                % {"n": n, "date": date_format(day, "j. F Y")},
                detail=_("Opbevaringsperioden står i %(ref)s.") % {"ref": reference("candidate_retention_months")},
                due=day,
                url=reverse("membership:calls", args=[council.slug]),
                audience=Audience.SECRETARIAT,
            )
        )
    return tasks
