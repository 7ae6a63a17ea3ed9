"""The annual report on the desk (docs/desk.md): due from the rules of procedure (R23), titled with the next
step, for the secretariat only, gone once published."""

from __future__ import annotations

import datetime

from raad.core import desk
from raad.secretariat.models import AnnualReport
from raad.secretariat.services import annual_report as services


def _report_tasks(user, cast, today):
    return [
        (t.title, t.due, t.url)
        for t in desk.tasks_for(user, [cast.council], today)
        if t.key == "secretariat.annual_report"
    ]


def test_the_next_step_of_the_annual_report_is_on_the_secretariats_desk(cast):
    secretary, slug = cast.secretary, cast.council.slug
    due = datetime.date(2027, 3, 31)  # Holbæk's rules: the annual report by the end of March (§ 10)
    assert _report_tasks(secretary, cast, datetime.date(2026, 12, 30)) == []  # more than 90 days ahead
    today = datetime.date(2027, 1, 2)
    assert _report_tasks(secretary, cast, today) == [
        ("Årsberetning 2026: begynd udkastet", due, f"/arbejdsrum/{slug}/aarsberetning/")
    ]
    report = services.annual_report_start(council=cast.council, year=2026, by=secretary)
    url = f"/arbejdsrum/{slug}/aarsberetning/2026/"
    assert _report_tasks(secretary, cast, today) == [("Årsberetning 2026: sæt den på dagsordenen", due, url)]
    assert _report_tasks(cast.users["forperson"], cast, today) == []  # the secretariat's task
    AnnualReport.objects.filter(pk=report.pk).update(
        status=AnnualReport.Status.SENT, adopted_at=report.created_at, figures={}
    )
    assert _report_tasks(secretary, cast, today) == [("Årsberetning 2026: offentliggør den", due, url)]
    services.annual_report_publish(report=report, by=secretary)
    assert _report_tasks(secretary, cast, today) == []
