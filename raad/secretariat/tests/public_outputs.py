"""The annual report in the leak test (raad/testing/public_outputs.py): a published report (page, PDF and the
REST API) next to a draft one, and a closed agenda item at the meeting that adopted the published report."""

from __future__ import annotations

import datetime

from django.utils import timezone

from raad.meetings import services as meetings
from raad.secretariat.services import annual_report as services
from raad.testing.public_outputs import PublicOutputs, register

SECRETS = ["HEMMELIGT-LUKKET-AARSPUNKT", "HEMMELIGT-AARSBERETNING-UDKAST"]


def build(cast) -> PublicOutputs:
    council, secretary = cast.council, cast.secretary
    today = timezone.localdate()
    day = max(today - datetime.timedelta(days=1), datetime.date(today.year, 2, 2))
    starts = datetime.datetime.combine(day, datetime.time(17), tzinfo=timezone.get_default_timezone())
    meeting = meetings.meeting_plan(council=council, starts_at=starts, place="Holbæk Rådhus", by=secretary)
    meetings.item_add(meeting=meeting, title="HEMMELIGT-LUKKET-AARSPUNKT", is_closed=True, by=secretary)
    report = services.annual_report_start(council=council, year=today.year, by=secretary)
    services.annual_report_comments_update(
        report=report, introduction="Et åbent år for rådet.", comments={"meetings": "Møderne var åbne."}, by=secretary
    )
    item = services.annual_report_put_on_agenda(report=report, by=secretary, now=starts - datetime.timedelta(days=9))
    meetings.meeting_send_notice(meeting=meeting, by=None, now=starts - datetime.timedelta(days=8))
    present = [m.pk for m in cast.members]
    meetings.attendance_register(meeting=meeting, present=present, substitutes_present=[], by=None)
    meetings.item_decide(item=item, text="Vedtaget.", votes_for=len(present), by=None, now=starts)
    meetings.meeting_mark_held(meeting=meeting, by=None)
    services.annual_report_adopt(report=report, by=secretary)
    services.annual_report_publish(report=report, by=secretary)
    draft = services.annual_report_start(council=council, year=today.year - 1, by=secretary)
    services.annual_report_comments_update(
        report=draft, introduction="HEMMELIGT-AARSBERETNING-UDKAST", comments={}, by=secretary
    )
    base = f"/raad/{council.slug}/aarsberetning/"
    api = f"/api/councils/{council.slug}/annual-reports"
    return PublicOutputs(
        public=[f"{base}{today.year}/", f"{base}{today.year}.pdf", api, f"{api}/{today.year}"],
        hidden=[f"{base}{today.year - 1}/", f"{base}{today.year - 1}.pdf", f"{api}/{today.year - 1}"],
        secrets=SECRETS,
        shown={
            f"{base}{today.year}/": ["Et åbent år for rådet.", "Møderne var åbne."],
            f"{base}{today.year}.pdf": ["Et åbent år for rådet."],
            api: [f'"year": {today.year}'],
            f"{api}/{today.year}": ["Et åbent år for rådet.", "Møderne var åbne."],
        },
    )


register(app="secretariat", build=build)
