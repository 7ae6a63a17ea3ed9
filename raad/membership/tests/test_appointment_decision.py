"""R2 in the service: only the board's decision about appointing members makes a member, and a nominated
seat is filled only from a nomination, whoever calls `member_appoint` (not only the web form)."""

from __future__ import annotations

import pytest

from raad.core.errors import RuleViolation
from raad.councils.models import RulesOfProcedure
from raad.membership import services
from raad.testing import assert_unchanged
from raad.testing.cast import make_nomination

from .conftest import START, make_person


def test_a_decision_about_the_rules_of_procedure_appoints_nobody(council, seats, term):
    rules_decision = RulesOfProcedure.objects.get(council=council).decision
    person = make_person("Ida")
    nomination = make_nomination(seats[0], person, term)
    with (
        assert_unchanged(),
        pytest.raises(RuleViolation, match=r"er ikke en beslutning om udpegning af medlemmer") as refused,
    ):
        services.member_appoint(
            person=person,
            seat=seats[0],
            term=term,
            decision=rules_decision,
            starts_on=START,
            nomination=nomination,
            by=None,
        )
    assert refused.value.messages == [
        f"{rules_decision} er ikke en beslutning om udpegning af medlemmer; kun kommunalbestyrelsens "
        "udpegningsbeslutning kan gøre en person til medlem (integrationsloven § 42, stk. 3)."
    ]


def test_a_nominated_seat_is_not_filled_without_a_nomination(seats, term, decision):
    person = make_person("Ida")
    with assert_unchanged(), pytest.raises(RuleViolation) as refused:
        services.member_appoint(person=person, seat=seats[0], term=term, decision=decision, starts_on=START, by=None)
    assert refused.value.messages == [
        "Pladsen besættes efter indstilling; vælg en indstillet kandidat (forretningsorden § 1, stk. 2)."
    ]
    membership = services.member_appoint(
        person=person,
        seat=seats[0],
        term=term,
        decision=decision,
        starts_on=START,
        nomination=make_nomination(seats[0], person, term),
        by=None,
    )
    membership.nomination.refresh_from_db()
    assert (membership.seat, membership.nomination.status) == (seats[0], "appointed")


def test_a_direct_seat_needs_no_nomination(seats, term, decision):
    direct = seats[13]
    membership = services.member_appoint(
        person=make_person("Bo"), seat=direct, term=term, decision=decision, starts_on=START, by=None
    )
    assert membership.nomination is None
