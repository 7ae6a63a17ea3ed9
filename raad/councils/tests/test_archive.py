"""R1: a council the board dissolves is archived: read-only for everyone (the secretariat too), still public."""

from __future__ import annotations

import pytest
from django.utils import timezone

from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry
from raad.councils.demo import MONTHS_DA
from raad.councils.services import board_decision_record, council_archive
from raad.meetings import services as meetings
from raad.meetings.models import Meeting
from raad.meetings.tests.conftest import at
from raad.testing import assert_unchanged
from raad.testing.cast import log_in_verified


@pytest.fixture
def archived(cast):
    meeting = meetings.meeting_plan(council=cast.council, starts_at=at(2026, 12, 10), place="R", by=cast.secretary)
    decision = board_decision_record(
        municipality=cast.council.municipality,
        decided_on=timezone.localdate(),
        reference="KB, pkt. 9",
        title="Nedlæggelse af integrationsrådet",
        by=None,
    )
    council = council_archive(council=cast.council, decision=decision, by=cast.secretary)
    return council, meeting


def test_archiving_is_recorded_once(cast, archived):
    council, _meeting = archived
    entry = AuditEntry.objects.get(verb="council.archived")
    assert (entry.actor, entry.council_id) == (cast.secretary, council.pk)
    assert entry.changes["decision"]["after"].endswith("(KB, pkt. 9)")
    decision = board_decision_record(
        municipality=council.municipality, decided_on=timezone.localdate(), reference="x", title="x", by=None
    )
    with assert_unchanged(), pytest.raises(RuleViolation, match="Rådet blev arkiveret"):
        council_archive(council=council, decision=decision, by=cast.secretary)


def test_the_secretariat_cannot_plan_a_meeting_in_an_archived_council(client, cast, archived):
    council, _meeting = archived
    day = timezone.localdate(council.archived_at)
    expected = (
        f"Rådet blev arkiveret {day.day}. {MONTHS_DA[day.month - 1]} {day.year}, efter at kommunalbestyrelsen har nedlagt det; "
        "intet kan ændres længere (integrationsloven § 42, stk. 1)."
    )
    with assert_unchanged(), pytest.raises(RuleViolation) as refused:
        meetings.meeting_plan(council=council, starts_at=at(2027, 1, 21), place="R", by=cast.secretary)
    assert refused.value.messages[0] == expected
    log_in_verified(client, cast.secretary)
    with assert_unchanged():
        response = client.post(
            f"/arbejdsrum/{council.slug}/moeder/nyt/",
            {"kind": "ordinary", "starts_at": "2027-01-21T17:00", "place": "Rådhuset"},
        )
    assert response.status_code == 403
    assert "Intet kan ændres længere" in response.content.decode()
    assert Meeting.objects.filter(council=council).count() == 1


def test_an_archived_council_stays_public(client, cast, archived):
    council, meeting = archived
    for url in (
        f"/raad/{council.slug}/",
        f"/raad/{council.slug}/moeder/",
        f"/raad/{council.slug}/moeder/{meeting.pk}/",
        f"/raad/{council.slug}/forretningsorden/",
    ):
        assert client.get(url).status_code == 200, url
