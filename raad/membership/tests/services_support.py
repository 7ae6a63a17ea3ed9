"""What the membership service tests share: appointing through the service, filling seats, and a refusal that
must leave the database unchanged."""

import datetime

import pytest

from raad.core.errors import RuleViolation
from raad.membership import services
from raad.testing import assert_unchanged
from raad.testing.cast import make_nomination

from .conftest import START, make_person

D = datetime.date


def appoint(person, seat, term, decision, starts_on=START):
    return prepared(person, seat, term, decision, starts_on)()


def prepared(person, seat, term, decision, starts_on=START):
    """The appointment as a call, its nomination (for a nominated seat) received beforehand."""
    nomination = make_nomination(seat, person, term)
    return lambda: services.member_appoint(
        person=person, seat=seat, term=term, decision=decision, starts_on=starts_on, nomination=nomination, by=None
    )


def fill(seats, term, decision, count=None):
    people = []
    for index, seat in enumerate(seats[:count] if count else seats):
        people.append(appoint(make_person(f"P{index}"), seat, term, decision))
    return people


def refused(call) -> list[str]:
    with assert_unchanged(), pytest.raises(RuleViolation) as caught:
        call()
    return caught.value.messages
