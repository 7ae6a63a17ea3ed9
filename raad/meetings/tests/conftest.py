"""Meeting helpers. The people are the named cast of raad/testing/cast.py (the `cast` fixture of the root
conftest.py: ten members and the secretariat)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from raad.meetings import services
from raad.meetings.models import Meeting
from raad.testing.cast import Cast, log_in_verified


def at(y, m, d, hh=17, mm=0) -> datetime.datetime:
    return datetime.datetime(y, m, d, hh, mm, tzinfo=timezone.get_default_timezone())


@pytest.fixture
def meeting(cast) -> Meeting:
    return services.meeting_plan(
        council=cast.council,
        starts_at=at(2026, 12, 10),
        place="Holbæk Rådhus, mødelokale 1",
        address="Kanalstræde 2, 4300 Holbæk",
        by=cast.secretary,
    )


def all_present(meeting: Meeting, cast: Cast, *, except_: tuple[int, ...] = ()) -> None:
    services.attendance_register(
        meeting=meeting,
        present=[m.pk for i, m in enumerate(cast.members) if i not in except_],
        substitutes_present=[],
        by=cast.secretary,
    )


@pytest.fixture
def login_secretary(client, cast):
    return log_in_verified(client, cast.secretary)
