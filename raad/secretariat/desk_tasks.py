"""The annual report on the secretariat's desk (raad/core/desk.py, register_tasks; docs/desk.md): due on the last
day of the rules' `annual_report_due_month` (R23, `raad.councils.rules.annual_report_due`), shown from 90 days
ahead, titled with what is next, until the report is published. Two queries for all councils."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from raad.core.desk import Audience, Task, councils_with_role
from raad.core.roles import Role
from raad.councils import rules
from raad.councils.selectors import rules_in_force_by_council
from raad.secretariat.models import AnnualReport

ANNUAL_REPORT_AHEAD_DAYS = 90


def _next_step(report: AnnualReport | None) -> str | None:
    if report is None:
        return _("begynd udkastet")
    if report.status == AnnualReport.Status.DRAFT:
        return _("sæt den på dagsordenen") if report.agenda_item_id is None else _("registrér rådets vedtagelse")
    if report.status == AnnualReport.Status.ADOPTED:
        return _("send den til kommunalbestyrelsen")
    if report.status == AnnualReport.Status.SENT:
        return _("offentliggør den")
    return None  # published: nothing left to do


def collect(councils: list, user, today: datetime.date) -> list[Task]:
    staffed = {c.pk: c for c in councils_with_role(councils, user, Role.SECRETARIAT)}
    if not staffed:
        return []
    due = {
        council_id: rules.annual_report_due(today, procedure.annual_report_due_month)
        for council_id, procedure in rules_in_force_by_council(staffed, today).items()
    }
    due = {cid: (year, on) for cid, (year, on) in due.items() if (on - today).days <= ANNUAL_REPORT_AHEAD_DAYS}
    if not due:
        return []
    reports = {
        (r.council_id, r.year): r
        for r in AnnualReport.objects.filter(council_id__in=list(due), year__in={year for year, _on in due.values()})
    }
    tasks = []
    for council_id, (year, due_on) in due.items():
        council, report = staffed[council_id], reports.get((council_id, year))
        step = _next_step(report)
        if step is None:
            continue
        tasks.append(
            Task(
                council=council,
                key="secretariat.annual_report",
                ref=str(year),
                title=_("Årsberetning %(year)s: %(step)s") % {"year": year, "step": step},
                due=due_on,
                url=report.get_workspace_url()
                if report is not None
                else reverse("secretariat:annual_reports", args=[council.slug]),
                audience=Audience.SECRETARIAT,
            )
        )
    return tasks
