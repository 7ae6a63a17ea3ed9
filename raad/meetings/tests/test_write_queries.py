"""The heavy writes of a meeting make a pinned number of queries, measured with 6 and 12 members: a decision
by named ballots the same for both; the notice the same besides the one mail it queues per member."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from raad.meetings import services
from raad.meetings.models import Decision, Vote
from raad.testing.cast import build_cast

from .conftest import all_present, at

pytestmark = pytest.mark.django_db


def _meeting(cast):
    meeting = services.meeting_plan(council=cast.council, starts_at=at(2026, 12, 10), place="Holbæk Rådhus", by=None)
    item = services.item_add(meeting=meeting, title="Sprogskolens tilbud", proposed_decision="Vedtages.", by=None)
    return meeting, item


def _queries(call) -> list[str]:
    with CaptureQueriesContext(connection) as context:
        call()
    return [q["sql"] for q in context.captured_queries]


def _outbox(queries: list[str]) -> list[str]:
    return [q for q in queries if "core_outgoingmail" in q]


def _measure_notice(members: int) -> list[str]:
    cast = build_cast(members=members)
    meeting, _item = _meeting(cast)
    return _queries(lambda: services.meeting_send_notice(meeting=meeting, by=cast.secretary, now=at(2026, 11, 30, 12)))


def _measure_ballot_decision(members: int) -> list[str]:
    cast = build_cast(members=members)
    meeting, item = _meeting(cast)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary, now=at(2026, 11, 30, 12))
    all_present(meeting, cast)
    ballots = {m.pk: "for" if i % 3 else "against" for i, m in enumerate(cast.members)}
    return _queries(
        lambda: services.item_decide(
            item=item,
            text="Vedtaget.",
            method=Vote.Method.BY_NAME,
            ballots=ballots,
            by=cast.secretary,
            now=at(2026, 12, 10, 18),
        )
    )


@pytest.mark.parametrize("members", [6, 12])
def test_the_notice_makes_the_same_queries_for_any_number_of_members(members):
    queries = _measure_notice(members)
    mail = _outbox(queries)
    # The meeting locked, its items, the update, the rules, the journal entry, the items and their open papers
    # listed in the mail, the members, a savepoint and its release; the members' notices are stored together
    # (core.mail.batch: keys already there, one insert, their ids); the personal-data check of the open items
    # (R32: the items, the members and substitutes whose names may appear, the municipality's name). Pinned,
    # so that anything per member shows up here.
    assert len(queries) == 17
    assert len(mail) == 3


@pytest.mark.parametrize("members", [6, 12])
def test_a_decision_by_named_ballots_makes_the_same_queries_for_any_number_of_members(members):
    ContentType.objects.get_for_model(Decision)  # warm the content-type cache, as a running server has it
    assert len(_measure_ballot_decision(members)) == 14
