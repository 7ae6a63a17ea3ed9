"""Properties of the meeting rules (hypothesis): quorum, majority and tie, and deadlines on the Copenhagen
calendar across the daylight-saving changes (last Sunday of March and of October)."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from raad.meetings import rules

CPH = ZoneInfo("Europe/Copenhagen")
UTC = datetime.UTC

fractions = st.integers(1, 12).flatmap(lambda d: st.tuples(st.integers(1, d), st.just(d)))  # 0 < n/d <= 1
votes = st.integers(0, 40)


@given(
    members=st.integers(0, 40),
    present=st.integers(0, 40),
    recused=st.integers(0, 40),
    share=fractions,
    count_recused=st.booleans(),
)
def test_quorum_holds_exactly_when_the_counted_reach_the_rules_share(members, present, recused, share, count_recused):
    numerator, denominator = share
    recused = min(recused, present)
    q = rules.quorum(
        members=members,
        present=present,
        recused=recused,
        quorum_numerator=numerator,
        quorum_denominator=denominator,
        recused_count_toward_quorum=count_recused,
    )
    counted = present if count_recused else present - recused
    assert q.counted == counted
    # quorate iff counted / members >= numerator / denominator (in whole numbers, no rounding)
    assert q.quorate == (members > 0 and counted * denominator >= numerator * members)
    # `required` is the smallest head count that reaches the share
    assert q.required * denominator >= numerator * members
    assert members == 0 or (q.required - 1) * denominator < numerator * members


@given(
    votes_for=votes,
    votes_against=votes,
    tie_rule=st.sampled_from(["motion_falls", "chair_decides"]),
    chair_vote=st.sampled_from(["for", "against"]),
)
def test_majority_and_tie_are_exclusive_and_exhaustive(votes_for, votes_against, tie_rule, chair_vote):
    result = rules.vote_result(
        votes_for=votes_for, votes_against=votes_against, tie_rule=tie_rule, chair_vote=chair_vote
    )
    assert result.outcome in (rules.ADOPTED, rules.REJECTED)
    tie = votes_for == votes_against
    # exactly one rule decides: the majority when there is one, else the rules' tie rule
    assert (result.rule == rules.SIMPLE_MAJORITY) == (not tie)
    if not tie:
        assert result.adopted == (votes_for > votes_against)
        swapped = rules.vote_result(votes_for=votes_against, votes_against=votes_for, tie_rule=tie_rule)
        assert swapped.adopted != result.adopted
    elif tie_rule == "motion_falls":
        assert (result.rule, result.adopted) == (rules.TIE_MOTION_FALLS, False)
    else:
        assert (result.rule, result.adopted) == (rules.TIE_CHAIR_DECIDES, chair_vote == "for")


@given(votes=votes)
def test_a_tie_under_chair_decides_needs_the_chairs_vote(votes):
    with pytest.raises(rules.TieNeedsChairVote):
        rules.vote_result(votes_for=votes, votes_against=votes, tie_rule="chair_decides", chair_vote=None)


# Meetings are held between 06:00 and 23:59; 02:00-02:59 does not exist on the spring-forward day, so a
# deadline falling there has no wall-clock time to keep.
local_starts = st.builds(
    lambda day, hour, minute: datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=CPH),
    st.dates(datetime.date(2020, 1, 1), datetime.date(2035, 12, 31)),
    st.integers(6, 23),
    st.integers(0, 59),
)


def _last_sunday(year: int, month: int) -> datetime.date:
    day = datetime.date(year, month, 31)
    return day - datetime.timedelta(days=(day.weekday() + 1) % 7)


@given(starts=local_starts, days=st.integers(0, 60), as_utc=st.booleans())
def test_a_deadline_keeps_the_local_time_on_the_right_calendar_day(starts, days, as_utc):
    given_at = starts.astimezone(UTC) if as_utc else starts  # the database hands back UTC
    deadline = rules.days_before(given_at, days)
    local = deadline.astimezone(CPH)
    assert local.date() == starts.date() - datetime.timedelta(days=days)
    assert (local.hour, local.minute) == (starts.hour, starts.minute)
    # The real time between deadline and meeting is whole days, give or take the hour the clocks changed.
    shift = (starts.astimezone(UTC) - deadline.astimezone(UTC)) - datetime.timedelta(days=days)  # real time
    assert shift in (datetime.timedelta(0), datetime.timedelta(hours=1), datetime.timedelta(hours=-1))
    crossed = {
        switch
        for year in range(local.year, starts.year + 1)
        for switch in (_last_sunday(year, 3), _last_sunday(year, 10))
        if local.date() < switch <= starts.date()
    }
    spring = {s for s in crossed if s.month == 3}
    autumn = crossed - spring
    assert shift == datetime.timedelta(hours=len(autumn) - len(spring))


@given(starts=local_starts, days=st.integers(1, 30), seconds=st.integers(-3600, 3600))
def test_a_proposal_is_late_exactly_after_the_deadline(starts, days, seconds):
    deadline = rules.item_deadline(starts, days)
    proposed = deadline + datetime.timedelta(seconds=seconds)
    assert rules.is_late(proposed, starts, days) == (seconds > 0)
