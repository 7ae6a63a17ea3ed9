"""Properties of a written procedure's result and of consultation deadlines (hypothesis)."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from raad.statements import rules

answers = st.lists(
    st.builds(
        rules.Answer,
        person_id=st.integers(1, 20),
        answer=st.sampled_from([rules.AGREE, rules.DISAGREE, rules.COMMENT]),
        in_office=st.booleans(),
        is_chair=st.just(False),
    ),
    max_size=40,
)
fractions = st.integers(1, 6).flatmap(lambda d: st.tuples(st.integers(1, d), st.just(d)))


@given(
    answers=answers,
    chair_answer=st.sampled_from([None, rules.AGREE, rules.DISAGREE, rules.COMMENT]),
    members=st.integers(1, 20),
    share=fractions,
    tie_rule=st.sampled_from([rules.TIE_MOTION_FALLS, rules.TIE_CHAIR_DECIDES]),
)
def test_written_result_quorum_majority_and_tie(answers, chair_answer, members, share, tie_rule):
    if chair_answer is not None:  # the chair (person 0) answers last, in office
        answers = [*answers, rules.Answer(person_id=0, answer=chair_answer, in_office=True, is_chair=True)]
    numerator, denominator = share
    result = rules.written_procedure_result(
        answers,
        members_in_office=members,
        quorum_numerator=numerator,
        quorum_denominator=denominator,
        tie_rule=tie_rule,
    )
    latest = {}
    for a in answers:
        if a.in_office:
            latest[a.person_id] = a.answer
    agree = list(latest.values()).count(rules.AGREE)
    disagree = list(latest.values()).count(rules.DISAGREE)
    # each member counts once, with their latest answer; every other answer is ignored
    assert (result.counted, result.agree, result.disagree) == (len(latest), agree, disagree)
    assert result.agree + result.disagree + result.comment == result.counted
    assert result.counted + result.ignored == len(answers)
    # quorum: at least the share of the members in office took part
    assert result.quorate == (result.counted > 0 and result.counted * denominator >= numerator * members)
    # exactly one way decides a quorate result; nothing is adopted without quorum
    if not result.quorate:
        assert (result.adopted, result.decided_by) == (False, "")
    elif agree != disagree:
        assert (result.adopted, result.decided_by) == (agree > disagree, "majority")
    elif tie_rule == rules.TIE_CHAIR_DECIDES:
        assert (result.adopted, result.decided_by) == (chair_answer == rules.AGREE, "chair")
    else:
        assert (result.adopted, result.decided_by) == (False, "tie_falls")


days = st.dates(datetime.date(2020, 1, 1), datetime.date(2035, 12, 31))


@given(deadline=days, today=days, first=st.integers(3, 14), second=st.integers(1, 2))
def test_reminders_fall_on_the_rules_days_and_never_after_the_deadline(deadline, today, first, second):
    left = rules.days_left(deadline, today)
    assert today + datetime.timedelta(days=left) == deadline  # calendar days: no daylight-saving hour
    assert rules.reminder_due(deadline, today, first, second) == (left if left in (first, second) else None)
    assert (today in rules.reminder_dates(deadline, first, second)) == (left in (first, second))
    stage = rules.reminder_stage(deadline, today, first, second)
    if left < 0 or left > first:
        assert stage is None
    else:
        assert stage == (second if left <= second else first)
    assert rules.is_late(deadline, today) == (left < 0)
