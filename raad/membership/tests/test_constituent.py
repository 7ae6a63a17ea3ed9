"""R12 / R25: the constituent meeting is presided by the eldest member or the secretariat until the forperson is
elected; the elections are lines in that meeting's minutes; a vacancy tells the board's liaison too."""

from __future__ import annotations

import datetime

import pytest

from raad.meetings import rules as meeting_rules
from raad.meetings import services as meetings
from raad.meetings.tests.conftest import all_present, at
from raad.meetings.tests.factories import meeting_with_items
from raad.membership import services
from raad.membership.models import Election

pytestmark = pytest.mark.django_db


def test_the_constituent_meeting_is_led_by_the_eldest_member_or_the_secretariat_until_a_forperson_is_elected():
    members = [("Amina", "member"), ("Lars", "member"), ("Ahmad", "member")]
    # Nobody is forperson yet: the eldest member the secretariat recorded presides, else the secretariat (None).
    assert meeting_rules.meeting_leader(members, "Lars", constituent=True) == "Lars"
    assert meeting_rules.meeting_leader(members, None, constituent=True) is None
    # A næstforperson left over from an earlier role does not lead the constituent meeting ...
    assert meeting_rules.meeting_leader([("Amina", "vice_chair"), *members], None, constituent=True) is None
    # ... the forperson leads as soon as elected and present.
    assert meeting_rules.meeting_leader([("Amina", "chair"), *members], "Lars", constituent=True) == "Amina"
    # An ordinary meeting keeps its order: forperson, næstforperson, then the member elected at the meeting.
    assert meeting_rules.meeting_leader([("Amina", "vice_chair"), *members], "Lars") == "Amina"


def test_the_elections_at_the_meeting_are_lines_in_its_minutes(cast):
    meeting = meeting_with_items(cast, n_open=1, starts=at(2026, 12, 3))
    meetings.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    day = datetime.date(2026, 12, 3)
    election = services.election_open(
        council=cast.council,
        office=Election.Office.CHAIR,
        method=Election.Method.PAPER,
        held_on=day,
        candidates=[cast.members[3], cast.members[4]],
        voters_present=10,
        by=cast.secretary,
    )
    a, b = election.candidates.order_by("membership__seat__number")
    services.round_close(round=election.rounds.get(), paper_counts={a.pk: 6, b.pk: 4}, by=cast.secretary)
    meetings.meeting_mark_held(meeting=meeting, by=cast.secretary)
    minutes = meetings.minutes_start(meeting=meeting, by=cast.secretary)
    person = cast.members[3].person
    assert minutes.introduction == (
        f"Valg af forperson: {person} blev valgt (stemmesedler på papir, optalt af sekretariatet, 1 runde)."
    )


def test_a_vacancy_tells_the_boards_liaison_too(cast, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        services.member_resign(membership=cast.members[5], last_day=datetime.date(2026, 5, 31), by=None)
    recipients = sorted(address for m in mailoutbox for address in m.to)
    assert cast.liaison.email in recipients
    assert len(recipients) == 3  # the secretariat, the nominating body and the liaison, one mail each
    assert all("er ledig fra 31. maj 2026" in m.body for m in mailoutbox)


def test_a_vacant_forperson_post_asks_the_secretariat_on_the_desk_for_a_new_election(client, cast):
    from django.utils import timezone

    from raad.testing.cast import log_in_verified

    log_in_verified(client, cast.secretary)
    desk = f"/arbejdsrum/{cast.council.slug}/"
    assert "Ledig forpersonspost" not in client.get(desk).content.decode()
    last_day = timezone.localdate() - datetime.timedelta(days=1)
    services.member_resign(membership=cast.chair, last_day=last_day, by=None)
    page = client.get(desk).content.decode()
    assert "Ledig forpersonspost" in page
    assert f"/arbejdsrum/{cast.council.slug}/valg/" in page
    # Once the election is opened, the panel has done its work.
    services.election_open(
        council=cast.council,
        office=Election.Office.CHAIR,
        method=Election.Method.PAPER,
        held_on=timezone.localdate(),
        candidates=[cast.vice_chair, cast.members[3]],
        voters_present=9,
        by=cast.secretary,
    )
    assert "Ledig forpersonspost" not in client.get(desk).content.decode()
