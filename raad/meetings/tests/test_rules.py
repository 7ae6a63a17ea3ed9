"""The pure rules: deadlines across daylight saving, quorum, majority and tie."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from raad.meetings import rules

CPH = ZoneInfo("Europe/Copenhagen")
UTC = datetime.UTC


def test_item_deadline_keeps_local_time_across_spring_forward():
    # Meeting Thursday 2 April 2026 17:00 CEST (15:00 UTC); clocks went forward 29 March.
    starts = datetime.datetime(2026, 4, 2, 17, 0, tzinfo=CPH)
    deadline = rules.item_deadline(starts, 10)
    assert deadline.astimezone(CPH).replace(tzinfo=None) == datetime.datetime(2026, 3, 23, 17, 0)
    assert deadline.astimezone(UTC) == datetime.datetime(2026, 3, 23, 16, 0, tzinfo=UTC)  # CET, UTC+1
    # Same-zone subtraction in Python is wall-clock; in real time the span is one hour short of 10 days.
    assert starts.astimezone(UTC) - deadline.astimezone(UTC) == datetime.timedelta(days=10) - datetime.timedelta(
        hours=1
    )


def test_notice_deadline_keeps_local_time_across_autumn_back():
    # Meeting 29 October 2026 17:00 CET; clocks went back 25 October.
    starts = datetime.datetime(2026, 10, 29, 17, 0, tzinfo=CPH)
    deadline = rules.notice_deadline(starts, 7)
    assert deadline.astimezone(UTC) == datetime.datetime(2026, 10, 22, 15, 0, tzinfo=UTC)  # CEST, UTC+2
    assert deadline.astimezone(CPH).hour == 17


def test_deadline_from_utc_input_is_computed_on_copenhagen_calendar():
    # 23:30 UTC on 9 Dec is already 10 Dec 00:30 in Copenhagen.
    starts = datetime.datetime(2026, 12, 9, 23, 30, tzinfo=UTC)
    assert rules.item_deadline(starts, 10).astimezone(CPH).date() == datetime.date(2026, 11, 30)


def test_naive_datetime_is_refused():
    with pytest.raises(ValueError):
        rules.item_deadline(datetime.datetime(2026, 4, 2, 17), 10)


def test_is_late_one_second_after_deadline():
    starts = datetime.datetime(2026, 4, 2, 17, 0, tzinfo=CPH)
    deadline = rules.item_deadline(starts, 10)
    assert not rules.is_late(deadline, starts, 10)
    assert rules.is_late(deadline + datetime.timedelta(seconds=1), starts, 10)


def test_plan_shortfall():
    assert rules.plan_shortfall(4, 6) == 2
    assert rules.plan_shortfall(7, 6) == 0


def test_extraordinary_threshold_one_third_of_fifteen_is_five():
    assert rules.extraordinary_threshold(15, 1, 3) == 5
    assert rules.extraordinary_threshold(14, 1, 3) == 5


@pytest.mark.parametrize(
    ("members", "present", "quorate"), [(15, 8, True), (15, 7, False), (14, 7, True), (10, 4, False)]
)
def test_quorum_half_the_members(members, present, quorate):
    q = rules.quorum(
        members=members, present=present, quorum_numerator=1, quorum_denominator=2, recused_count_toward_quorum=False
    )
    assert q.quorate is quorate
    assert q.required == -(-members // 2)


def test_recused_members_do_not_count_unless_the_setting_says_so():
    args = dict(members=15, present=8, recused=1, quorum_numerator=1, quorum_denominator=2)
    without = rules.quorum(**args, recused_count_toward_quorum=False)
    assert (without.counted, without.quorate) == (7, False)
    assert "forretningsorden § 6" in without.message
    with_ = rules.quorum(**args, recused_count_toward_quorum=True)
    assert (with_.counted, with_.quorate) == (8, True)


def test_simple_majority_ignores_abstentions():
    result = rules.vote_result(votes_for=4, votes_against=3, tie_rule="motion_falls")
    assert (result.outcome, result.rule) == (rules.ADOPTED, rules.SIMPLE_MAJORITY)
    assert rules.vote_result(votes_for=2, votes_against=5, tie_rule="motion_falls").outcome == rules.REJECTED


def test_tie_motion_falls_names_the_rule():
    result = rules.vote_result(votes_for=4, votes_against=4, tie_rule="motion_falls")
    assert (result.outcome, result.rule) == (rules.REJECTED, rules.TIE_MOTION_FALLS)
    assert result.rule_label == "stemmelighed: forslaget bortfalder (forretningsorden § 6, stk. 2)"


def test_tie_chair_decides():
    result = rules.vote_result(votes_for=4, votes_against=4, tie_rule="chair_decides", chair_vote="for")
    assert (result.outcome, result.rule) == (rules.ADOPTED, rules.TIE_CHAIR_DECIDES)
    against = rules.vote_result(votes_for=4, votes_against=4, tie_rule="chair_decides", chair_vote="against")
    assert against.outcome == rules.REJECTED
    with pytest.raises(rules.TieNeedsChairVote):
        rules.vote_result(votes_for=4, votes_against=4, tie_rule="chair_decides")


def test_more_votes_than_eligible_is_refused():
    assert rules.vote_count_problems(votes_for=5, votes_against=3, abstentions=1, eligible=8)
    assert rules.vote_count_problems(votes_for=5, votes_against=2, abstentions=1, eligible=8) == []


# --- Who leads the meeting (R18) -------------------------------------------------------------------


def test_the_forperson_leads_when_present():
    present = [("Lars", "member"), ("Mette", "vice_chair"), ("Amina", "chair")]
    assert rules.meeting_leader(present, elected="Ahmad") == "Amina"


def test_the_naestforperson_leads_when_the_forperson_is_absent():
    assert rules.meeting_leader([("Lars", "member"), ("Mette", "vice_chair")], elected="Ahmad") == "Mette"


def test_the_member_elected_at_the_meeting_leads_when_both_are_absent():
    assert rules.meeting_leader([("Lars", "member"), ("Ahmad", "member")], elected="Ahmad") == "Ahmad"


def test_nobody_leads_before_an_election_when_both_are_absent():
    assert rules.meeting_leader([("Lars", "member")]) is None
