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


def register(council, term, lines):
    """The board's appointment decision of 28 January 2026 (KB pkt. 7) on `lines`, in force from 1 February."""
    return services.appointment_decision_register(
        council=council,
        term=term,
        decided_on=D(2026, 1, 28),
        meeting="Kommunalbestyrelsens møde 28. januar 2026",
        reference_text="KB 28.01.2026, pkt. 7",
        starts_on=START,
        lines=lines,
        by=None,
    )


def refused(call) -> list[str]:
    with assert_unchanged(), pytest.raises(RuleViolation) as caught:
        call()
    return caught.value.messages
