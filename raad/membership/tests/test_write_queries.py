"""The board's appointment decision makes a pinned number of queries, the same for one nominee as for ten: the
rules, the council's memberships, the nominations and the people are read once, and the members, substitutes
and journal entries are written together."""

from __future__ import annotations

import collections
import datetime
import re

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from raad.core import mail
from raad.councils.models import BoardDecision
from raad.membership import services

from .conftest import START
from .test_withdrawal import nominate

# The call is opened in the 2026–2029 term, with a deadline from "now": on the demo day, whatever today is.
pytestmark = pytest.mark.usefixtures("on_the_demo_day")


@pytest.fixture
def call(council, term, seats):
    with mail.suppressed():  # the calls to the bodies are not what these tests count
        return services.nomination_call_open(
            council=council,
            term=term,
            title="Indkaldelse til valgperioden",
            deadline=timezone.now() + datetime.timedelta(days=14),
            by=None,
        )


def _decide(council, term, nominations, by):
    lines = [services.AppointmentLine(seat=n.seat, nomination=n) for n in nominations]  # the caller's reads
    with CaptureQueriesContext(connection) as context:
        services.appointment_decision_register(
            council=council,
            term=term,
            decided_on=datetime.date(2026, 1, 28),
            meeting="Kommunalbestyrelsens møde 28. januar 2026",
            reference_text="KB 28.01.2026, pkt. 7",
            starts_on=START,
            lines=lines,
            by=by,
        )
    return [q["sql"] for q in context.captured_queries]


def _kinds(queries: list[str]) -> collections.Counter:
    return collections.Counter(re.match(r"(SAVEPOINT|RELEASE SAVEPOINT|\w+)", q).group(1) for q in queries)


def _nominations(call, seats, count):
    nominations = [nominate(call, seat, f"Kandidat{i}") for i, seat in enumerate(seats[:count])]
    ContentType.objects.get_for_models(*apps.get_app_config("membership").get_models(), BoardDecision)  # warm cache
    return nominations


@pytest.mark.parametrize("nominees", [1, 5, 10])
def test_the_appointment_decision_makes_20_queries_whatever_the_number_of_nominees(
    council, term, seats, call, secretary, nominees
):
    queries = _decide(council, term, _nominations(call, seats, nominees), secretary)
    assert len(queries) == 20
    # Reads: the council (locked), the rules in force, the council's memberships, the nominations with their
    # candidates, the new memberships for the letters, and the outbox keys before and after storing the mails.
    # Writes: the board decision and its journal entry, the memberships, the substitutes, the journal entries
    # of both (one insert), the nominations' status (appointed; the rest not appointed), the call, the mails.
    assert _kinds(queries) == {
        "SELECT": 7,
        "INSERT": 6,
        "UPDATE": 3,
        "SAVEPOINT": 2,
        "RELEASE SAVEPOINT": 2,
    }


def test_five_nominees_cost_no_more_queries_than_one(council, term, seats, call, secretary):
    one = _decide(council, term, _nominations(call, seats[:1], 1), secretary)
    with mail.suppressed():
        second_call = services.nomination_call_open(
            council=council,
            term=term,
            title="Indkaldelse til de ledige pladser",
            deadline=timezone.now() + datetime.timedelta(days=14),
            by=None,
        )
    five = _decide(council, term, _nominations(second_call, seats[1:6], 5), secretary)
    assert len(five) - len(one) == 0
