"""The secretariat edits a planned meeting and its items, or cancels the meeting: the change, the journal
entry, and every refusal naming its rule and changing nothing."""

from __future__ import annotations

import datetime

import pytest

from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry
from raad.meetings import services
from raad.meetings.models import AgendaItem, Meeting
from raad.testing import assert_unchanged

from .conftest import all_present, at


def journal(target, verb: str) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(verb=verb, target_id=str(target.pk)).order_by("pk"))


def noticed(meeting, cast) -> Meeting:
    services.item_add(meeting=meeting, title="Sprogskolens tilbud", by=cast.secretary)
    return services.meeting_send_notice(meeting=meeting, by=cast.secretary, now=at(2026, 11, 30, 12))


def held(meeting, cast) -> Meeting:
    noticed(meeting, cast)
    all_present(meeting, cast)
    return services.meeting_mark_held(meeting=meeting, by=cast.secretary)


# --- meeting_update ---------------------------------------------------------------------------------


def test_meeting_update_moves_the_meeting_and_journals_only_what_changed(cast, meeting):
    services.meeting_update(
        meeting=meeting,
        data={"starts_at": at(2026, 12, 11, 16, 30), "place": "  Holbæk Bibliotek, salen  "},
        by=cast.secretary,
    )
    meeting.refresh_from_db()
    assert (meeting.starts_at, meeting.place) == (at(2026, 12, 11, 16, 30), "Holbæk Bibliotek, salen")
    assert meeting.address == "Kanalstræde 2, 4300 Holbæk"  # not in the data: kept
    [entry] = journal(meeting, "meeting.updated")
    assert (entry.actor, entry.council_id) == (cast.secretary, cast.council.pk)
    assert sorted(entry.changes) == ["place", "starts_at"]
    assert entry.changes["place"] == {"before": "Holbæk Rådhus, mødelokale 1", "after": "Holbæk Bibliotek, salen"}
    moved = {key: datetime.datetime.fromisoformat(value) for key, value in entry.changes["starts_at"].items()}
    assert moved == {"before": at(2026, 12, 10), "after": at(2026, 12, 11, 16, 30)}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"ends_at": at(2026, 12, 10, 16)}, "Mødet skal slutte efter, det begynder."),
        ({"kind": Meeting.Kind.EXTRAORDINARY, "reason": "  "}, "Et ekstraordinært møde skal have en begrundelse"),
    ],
)
def test_meeting_update_refuses_a_broken_rule_and_changes_nothing(cast, meeting, data, message):
    with assert_unchanged(), pytest.raises(RuleViolation, match=message):
        services.meeting_update(meeting=meeting, data=data, by=cast.secretary)


def test_a_held_or_cancelled_meeting_cannot_be_edited(cast, meeting):
    other = services.meeting_plan(council=cast.council, starts_at=at(2027, 1, 14), place="Rådhuset", by=None)
    services.meeting_cancel(meeting=other, by=cast.secretary)
    held(meeting, cast)
    for closed in (meeting, other):
        with assert_unchanged(), pytest.raises(RuleViolation, match="Et afholdt eller aflyst møde kan ikke ændres."):
            services.meeting_update(meeting=closed, data={"place": "Et andet sted"}, by=cast.secretary)


# --- meeting_cancel ---------------------------------------------------------------------------------


@pytest.mark.parametrize("sent", [False, True])
def test_meeting_cancel_cancels_a_planned_or_noticed_meeting(cast, meeting, sent):
    if sent:
        noticed(meeting, cast)
    before = "notice_sent" if sent else "planned"
    services.meeting_cancel(meeting=meeting, by=cast.secretary)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED
    [entry] = journal(meeting, "meeting.cancelled")
    assert (entry.actor, entry.council_id) == (cast.secretary, cast.council.pk)
    assert entry.changes == {"status": {"before": before, "after": "cancelled"}}


def test_a_held_meeting_cannot_be_cancelled(cast, meeting):
    held(meeting, cast)
    with assert_unchanged(), pytest.raises(RuleViolation, match="Et afholdt møde kan ikke aflyses."):
        services.meeting_cancel(meeting=meeting, by=cast.secretary)


# --- item_update ------------------------------------------------------------------------------------


@pytest.fixture
def item(cast, meeting) -> AgendaItem:
    return services.item_add(
        meeting=meeting,
        title="Sprogskolens tilbud",
        case_presentation="<p>Sprogcentret orienterer.</p>",
        proposed_decision="Rådet tager orienteringen til efterretning.",
        by=cast.secretary,
    )


def test_item_update_cleans_the_text_and_journals_what_changed(cast, item):
    services.item_update(
        item=item,
        data={
            "title": "  Sprogskolens aftenhold  ",
            "case_presentation": '<p onclick="steal()">Nye <strong>aftenhold</strong>.</p><script>x()</script>',
            "is_closed": True,
        },
        by=cast.secretary,
    )
    item.refresh_from_db()
    assert (item.title, item.case_presentation, item.is_closed) == (
        "Sprogskolens aftenhold",
        "<p>Nye <strong>aftenhold</strong>.</p>",
        True,
    )
    assert item.proposed_decision == "Rådet tager orienteringen til efterretning."  # not in the data: kept
    [entry] = journal(item, "agenda_item.updated")
    assert (entry.actor, entry.council_id) == (cast.secretary, cast.council.pk)
    assert entry.changes == {
        "case_presentation": {
            "before": "<p>Sprogcentret orienterer.</p>",
            "after": "<p>Nye <strong>aftenhold</strong>.</p>",
        },
        "is_closed": {"before": False, "after": True},
        "title": {"before": "Sprogskolens tilbud", "after": "Sprogskolens aftenhold"},
    }


def test_item_update_sets_the_purposes(cast, item):
    purposes = list(cast.council.terms_of_reference.purposes.order_by("number")[:2])
    services.item_update(item=item, data={"purposes": purposes}, by=cast.secretary)
    assert list(item.purposes.order_by("number")) == purposes


def test_the_items_of_a_cancelled_meeting_cannot_be_edited(cast, meeting, item):
    services.meeting_cancel(meeting=meeting, by=cast.secretary)
    with (
        assert_unchanged(),
        pytest.raises(RuleViolation, match="Dagsordenen for et afholdt eller aflyst møde kan ikke ændres."),
    ):
        services.item_update(item=item, data={"title": "Nyt punkt"}, by=cast.secretary)
