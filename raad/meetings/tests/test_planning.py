"""Meetings services, planning: the year plan against the rules' minimum, extraordinary and constituent meetings."""

import pytest

from raad.core.errors import RuleViolation
from raad.meetings import selectors, services
from raad.meetings.models import Meeting
from raad.testing import assert_unchanged

from .conftest import at

pytestmark = pytest.mark.django_db(transaction=False)


def test_plan_warns_when_fewer_meetings_than_the_rules_minimum(cast):
    for month in (3, 5, 9):
        services.meeting_plan(council=cast.council, starts_at=at(2026, month, 12), place="Rådhuset", by=cast.secretary)
    plan = selectors.year_plan(cast.council, 2026)
    assert (len(plan.meetings), plan.minimum, plan.shortfall) == (3, 6, 3)
    assert plan.reference == "forretningsorden § 4, stk. 1"


def test_extraordinary_meeting_needs_reasons_and_one_constituent_meeting_per_term(cast):
    with assert_unchanged(), pytest.raises(RuleViolation, match="begrundelse"):
        services.meeting_plan(
            council=cast.council,
            starts_at=at(2026, 6, 1),
            place="Rådhuset",
            kind=Meeting.Kind.EXTRAORDINARY,
            by=cast.secretary,
        )
    services.meeting_plan(
        council=cast.council,
        starts_at=at(2026, 2, 10),
        place="Rådhuset",
        kind=Meeting.Kind.CONSTITUENT,
        by=cast.secretary,
    )
    with assert_unchanged(), pytest.raises(RuleViolation, match="konstituerende"):
        services.meeting_plan(
            council=cast.council,
            starts_at=at(2026, 3, 10),
            place="Rådhuset",
            kind=Meeting.Kind.CONSTITUENT,
            by=cast.secretary,
        )
