"""The events demo tells its story: the language café with the library, "Integrationens dag" full with a
waiting list, the dialogue evening in Arabic and Danish with interpreters, one past event with its account."""

from __future__ import annotations

import pytest

from raad.community.models import Association, Event, EventRegistration
from raad.community.selectors import events as selectors

pytestmark = pytest.mark.django_db


def test_the_demo_events(demo_data):
    events = {e.title: e for e in Event.objects.filter(council=demo_data["council"])}
    cafes = Event.objects.filter(title="Sprogcafé på biblioteket", room__name="Holbæk Bibliotek, salen")
    assert cafes.count() == 3 and cafes.first().room.step_free and cafes.first().room.hearing_loop
    day = events["Integrationens dag"]
    assert selectors.seats_left(day) == 0 and selectors.waiting_count(day) == 1
    assert day.co_organisers.count() == 3
    assert set(day.co_organisers.values_list("status", flat=True)) == {Association.Status.LISTED}
    evening = events["Dialogaften: Sådan fungerer folkeskolen"]
    assert evening.languages == ["da", "ar"] and "arabisk" in evening.interpreters
    past = events["Fællesspisning i Ahorngården"]
    assert past.participant_count == 46 and past.account
    assert EventRegistration.objects.filter(event__council=demo_data["council"]).count() == 8
