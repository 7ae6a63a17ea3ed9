"""The council's own deadlines on the secretariat's desk (raad/core/desk.py, register_tasks): the term that
ends (renewal is prepared `term_renewal_warning_days` ahead) and the annual report's due date (R23, from the
rules of procedure; shown from 90 days ahead). A fixed number of queries for all councils."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from raad.core.desk import Audience, Task, councils_with_role
from raad.core.roles import Role
from raad.councils import rules
from raad.councils.models import Term
from raad.councils.selectors import rules_in_force_by_council

ANNUAL_REPORT_AHEAD_DAYS = 90


def collect(councils: list, user, today: datetime.date) -> list[Task]:
    staffed = {c.pk: c for c in councils_with_role(councils, user, Role.SECRETARIAT)}
    if not staffed:
        return []
    procedures = rules_in_force_by_council(staffed, today)
    tasks: list[Task] = []
    for term in Term.objects.filter(council_id__in=list(staffed), starts_on__lte=today, ends_on__gte=today):
        council, procedure = staffed[term.council_id], procedures.get(term.council_id)
        ahead = procedure.term_renewal_warning_days if procedure is not None else 180
        if (term.ends_on - today).days <= ahead:
            tasks.append(
                Task(
                    council=council,
                    key="councils.term_ends",
                    ref=str(term.pk),
                    title=_("Valgperioden %(term)s slutter: forbered udpegningen") % {"term": term.name},
                    due=term.ends_on,
                    url=reverse("membership:seats", args=[council.slug]),
                    audience=Audience.SECRETARIAT,
                )
            )
    for council_id, procedure in procedures.items():
        year, due_on = rules.annual_report_due(today, procedure.annual_report_due_month)
        if (due_on - today).days <= ANNUAL_REPORT_AHEAD_DAYS:
            council = staffed[council_id]
            tasks.append(
                Task(
                    council=council,
                    key="councils.annual_report",
                    ref=str(year),
                    title=_("Årsberetning for %(year)s") % {"year": year},
                    due=due_on,
                    url=reverse("secretariat:council", args=[council.slug]),
                    audience=Audience.SECRETARIAT,
                )
            )
    return tasks
