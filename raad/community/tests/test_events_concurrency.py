"""No overbooking under parallel requests: threads, each with its own database connection, register for the
last seats (and cancel the same registration twice) at the same moment. On PostgreSQL (`RAAD_TEST_DB=postgres`,
the CI's second run) the event row lock serialises them: exactly `capacity` seats are given, the rest refused,
and the waiting list is promoted exactly once. On SQLite the single writer serialises them; a writer that finds
the database locked fails, so there the test holds the invariant alone (never more seats than capacity)."""

from __future__ import annotations

import pytest
from django.db import OperationalError, connection

from raad.community.models import EventRegistration
from raad.community.services import events as services
from raad.core.errors import RuleViolation
from raad.core.models import OutgoingMail
from raad.testing.cast import build_cast
from raad.testing.concurrency import in_parallel

from .event_helpers import make_event, register

PARALLEL = 8


def _unexpected(results):
    allowed = (RuleViolation,) if connection.vendor == "postgresql" else (RuleViolation, OperationalError)
    return [r for r in results if isinstance(r, Exception) and not isinstance(r, allowed)]


@pytest.mark.django_db(transaction=True)
def test_parallel_registrations_for_the_last_seats_never_exceed_capacity():
    cast = build_cast(members=3)
    event = make_event(cast.council, cast.secretary, capacity=5)
    register(event, seats=2)  # three seats left

    results = in_parallel(
        lambda i: services.registration_create(event=event, name=f"Deltager {i}", email=f"d{i}@test.invalid"),
        PARALLEL,
    )

    assert _unexpected(results) == []
    registered = [r for r in results if isinstance(r, EventRegistration)]
    assert services.seats_held(event) <= 5
    if connection.vendor == "postgresql":
        assert len(registered) == 3 and services.seats_held(event) == 5
        refused = [r for r in results if isinstance(r, RuleViolation)]
        assert len(refused) == PARALLEL - 3
        assert all("fuldt" in str(r) for r in refused)


@pytest.mark.django_db(transaction=True)
def test_parallel_cancellations_promote_the_waiting_list_exactly_once():
    cast = build_cast(members=3)
    event = make_event(cast.council, cast.secretary, capacity=1)
    holder = register(event)
    waiting = register(event, name="Yusuf", email="yusuf@test.invalid", waiting_list=True)
    later = register(event, name="Olena", email="olena@test.invalid", waiting_list=True)

    results = in_parallel(lambda i: services.registration_cancel(registration=holder), 4)

    assert _unexpected(results) == []
    cancelled = [r for r in results if isinstance(r, EventRegistration)]
    assert len(cancelled) <= 1
    waiting.refresh_from_db()
    later.refresh_from_db()
    assert services.seats_held(event) <= 1
    assert OutgoingMail.objects.filter(key__startswith="event-promoted").count() <= 1
    if connection.vendor == "postgresql":
        assert len(cancelled) == 1
        assert (waiting.status, later.status) == (EventRegistration.Status.REGISTERED, EventRegistration.Status.WAITING)
        assert list(OutgoingMail.objects.filter(key__startswith="event-promoted").values_list("to", flat=True)) == [
            "yusuf@test.invalid"
        ]
