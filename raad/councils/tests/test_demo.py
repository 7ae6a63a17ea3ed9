"""The demo tells the same story whatever day it is loaded: its dates follow today (raad/councils/demo.py)."""

from __future__ import annotations

import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from raad.councils.demo import DemoCalendar
from raad.councils.models import Term
from raad.councils.presets.holbaek import election_terms
from raad.meetings.models import Meeting, Minutes
from raad.membership.selectors import memberships_in_force
from raad.statements.models import Consultation, Statement

CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")


def test_the_calendar_moves_the_story_by_whole_weeks_to_the_day_it_is_loaded():
    calendar = DemoCalendar(today=datetime.date(2030, 1, 1))
    assert calendar.shift == datetime.timedelta(weeks=161)
    assert calendar.day(datetime.date(2026, 12, 10)) == datetime.date(2030, 1, 10)  # a Thursday, as written
    assert (
        calendar.text("Budget {year:2027}–{year:2030}, frist {date:2026-08-27}")
        == "Budget 2030–2033, frist 27. september"
    )
    as_written = DemoCalendar(today=datetime.date(2026, 11, 29))
    assert as_written.shift == datetime.timedelta(0)
    assert as_written.text("Mødeplan for {year:2026}") == "Mødeplan for 2026"


def test_holbaek_terms_are_the_election_periods_up_to_the_one_in_progress():
    assert [(t["name"], t["starts_on"], t["ends_on"]) for t in election_terms(datetime.date(2030, 1, 1))] == [
        ("Valgperiode 2022–2025", datetime.date(2022, 1, 1), datetime.date(2025, 12, 31)),
        ("Valgperiode 2026–2029", datetime.date(2026, 1, 1), datetime.date(2029, 12, 31)),
        ("Valgperiode 2030–2033", datetime.date(2030, 1, 1), datetime.date(2033, 12, 31)),
    ]
    assert [t["name"] for t in election_terms(datetime.date(2029, 12, 31))][-1] == "Valgperiode 2026–2029"


@pytest.mark.parametrize("today", [datetime.date(2027, 6, 1), datetime.date(2030, 1, 1)])
@pytest.mark.django_db
def test_the_demo_loaded_on_another_day_tells_the_same_story_around_it(today):
    with time_machine.travel(datetime.datetime.combine(today, datetime.time(10), tzinfo=CPH), tick=False):
        out = io.StringIO()
        call_command("load_demo", stdout=out)
        council = Meeting.objects.values_list("council", flat=True).first()
        assert Term.objects.filter(council=council, starts_on__lte=today, ends_on__gte=today).count() == 1
        assert memberships_in_force(council, today).count() == 15
        meetings = list(Meeting.objects.filter(council=council).order_by("starts_at"))
        held = [m for m in meetings if m.status == "held"]
        assert len(held) == 5 and all(timezone.localdate(m.starts_at) < today for m in held)
        assert Minutes.objects.filter(meeting__council=council, is_published=True).count() == 4
        [upcoming] = [m for m in meetings if m.status == "planned"]
        ahead = timezone.localdate(upcoming.starts_at) - today
        assert datetime.timedelta(days=1) <= ahead <= datetime.timedelta(days=17)
        assert upcoming.starts_at.weekday() == 3  # Thursday, as the meeting plan says
        deadlines = [c.deadline for c in Consultation.objects.filter(council=council)]
        assert sum(d < today for d in deadlines) == 4 and sum(d > today for d in deadlines) == 2
        assert Statement.objects.filter(council=council, status="draft").get().agenda_item.meeting == upcoming
        assert f"the next meeting on {timezone.localdate(upcoming.starts_at):%-d %B %Y}" in out.getvalue()
