"""The board's appointment decision makes a pinned number of queries: a fixed part, and for each appointed
member and substitute only the rows that are theirs (measured with 5 and 10 nominees)."""

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
    with CaptureQueriesContext(connection) as context:
        services.appointment_decision_register(
            council=council,
            term=term,
            decided_on=datetime.date(2026, 1, 28),
            meeting="Kommunalbestyrelsens møde 28. januar 2026",
            reference_text="KB 28.01.2026, pkt. 7",
            starts_on=START,
            lines=[services.AppointmentLine(seat=n.seat, nomination=n) for n in nominations],
            by=by,
        )
    return [q["sql"] for q in context.captured_queries]


def _kinds(queries: list[str]) -> collections.Counter:
    return collections.Counter(re.match(r"(SAVEPOINT|RELEASE SAVEPOINT|\w+)", q).group(1) for q in queries)


@pytest.mark.parametrize("nominees", [5, 10])
def test_the_appointment_decision_makes_15_queries_and_20_per_nominee(council, term, seats, call, secretary, nominees):
    nominations = [nominate(call, seat, f"Kandidat{i}") for i, seat in enumerate(seats[:nominees])]
    ContentType.objects.get_for_models(*apps.get_app_config("membership").get_models(), BoardDecision)  # warm cache
    queries = _decide(council, term, nominations, secretary)
    assert len(queries) == 15 + 20 * nominees
    # Per nominee: 5 writes that are theirs (membership, substitute, nomination status, two journal entries),
    # 4 savepoint statements (member_appoint and substitute_appoint are atomic) and 10 reads by which
    # member_appoint checks the rules for that one seat (the rules in force twice, council, seat, person,
    # overlapping membership, nomination, substitute, and R2: that the decision neither adopted rules of
    # procedure nor created a council), and 1 read for the appointment letter's PDF. The
    # letters and the bodies' mails are stored together at the end (core.mail.batch: 3 queries in all).
    assert _kinds(queries) == {
        "SELECT": 6 + 11 * nominees,
        "INSERT": 3 + 4 * nominees,
        "UPDATE": 2 + 1 * nominees,
        "SAVEPOINT": 2 + 2 * nominees,
        "RELEASE SAVEPOINT": 2 + 2 * nominees,
    }
