import datetime

from hypothesis import given
from hypothesis import strategies as st

from raad.statements import rules
from raad.statements.rules import Answer

D = datetime.date


def test_days_left_counts_whole_days_and_goes_negative_after_the_deadline():
    assert rules.days_left(D(2026, 12, 4), D(2026, 11, 26)) == 8
    assert rules.days_left(D(2026, 12, 4), D(2026, 12, 4)) == 0
    assert rules.days_left(D(2026, 12, 4), D(2026, 12, 6)) == -2


def test_days_left_across_the_daylight_saving_change():
    # Denmark leaves summer time on 25 October 2026: still whole calendar days.
    assert rules.days_left(D(2026, 10, 27), D(2026, 10, 24)) == 3


def test_late_only_after_the_deadline_day():
    assert not rules.is_late(D(2026, 12, 4), D(2026, 12, 4))
    assert rules.is_late(D(2026, 12, 4), D(2026, 12, 5))
    assert not rules.is_late(None, D(2030, 1, 1))


def test_reminders_fall_on_the_rules_days_before_the_deadline():
    assert rules.reminder_dates(D(2026, 12, 10), 7, 2) == [D(2026, 12, 3), D(2026, 12, 8)]
    assert rules.reminder_due(D(2026, 12, 10), D(2026, 12, 3), 7, 2) == 7
    assert rules.reminder_due(D(2026, 12, 10), D(2026, 12, 8), 7, 2) == 2
    assert rules.reminder_due(D(2026, 12, 10), D(2026, 12, 4), 7, 2) is None
    # Another version of the rules, other days.
    assert rules.reminder_due(D(2026, 12, 10), D(2026, 11, 30), 10, 3) == 10


def test_written_procedure_closes_after_the_rules_days():
    assert rules.written_procedure_closes_on(D(2026, 11, 26), 5) == D(2026, 12, 1)


def _result(answers, members=15, tie="motion_falls", q=(1, 2)):
    return rules.written_procedure_result(
        answers, members_in_office=members, quorum_numerator=q[0], quorum_denominator=q[1], tie_rule=tie
    )


def test_majority_of_agree_over_disagree_adopts():
    answers = [Answer(i, "agree", True) for i in range(5)] + [Answer(10 + i, "disagree", True) for i in range(3)]
    result = _result(answers)
    assert (result.adopted, result.agree, result.disagree, result.counted, result.required) == (True, 5, 3, 8, 8)


def test_too_few_answers_is_not_quorate_even_if_all_agree():
    result = _result([Answer(i, "agree", True) for i in range(7)])
    assert result.required == 8 and result.counted == 7
    assert not result.quorate and not result.adopted


def test_each_member_counts_once_the_latest_answer_counts():
    answers = [
        Answer(1, "agree", True),
        Answer(1, "agree", True),
        Answer(1, "disagree", True),
        Answer(2, "agree", True),
    ]
    result = _result(answers, members=3)
    assert (result.agree, result.disagree, result.counted, result.ignored) == (1, 1, 2, 2)


def test_members_not_in_office_that_day_are_ignored():
    answers = [
        Answer(1, "agree", True),
        Answer(2, "agree", False),
        Answer(3, "agree", False),
        Answer(4, "disagree", True),
    ]
    result = _result(answers, members=4)
    assert (result.agree, result.disagree, result.ignored) == (1, 1, 2)
    assert not result.adopted  # a tie; the motion falls


def test_comments_take_part_but_are_neither_for_nor_against():
    answers = [Answer(1, "comment", True), Answer(2, "comment", True), Answer(3, "agree", True)]
    result = _result(answers, members=5)
    assert result.quorate and result.adopted and result.comment == 2


def test_tie_falls_by_default_and_chair_decides_where_the_rules_say_so():
    answers = [Answer(1, "agree", True, is_chair=True), Answer(2, "disagree", True)]
    assert not _result(answers, members=3, tie="motion_falls").adopted
    assert _result(answers, members=3, tie="chair_decides").adopted
    answers = [Answer(1, "disagree", True, is_chair=True), Answer(2, "agree", True)]
    assert not _result(answers, members=3, tie="chair_decides").adopted


def test_the_quorum_fraction_comes_from_the_rules():
    answers = [Answer(i, "agree", True) for i in range(10)]
    assert _result(answers, members=15, q=(2, 3)).required == 10
    assert _result(answers, members=15, q=(2, 3)).adopted
    assert not _result(answers[:9], members=15, q=(2, 3)).quorate


def test_no_answers_never_adopts():
    assert not _result([], members=0).adopted


def test_compare_marks_removed_and_added_words():
    result = rules.compare(
        "Rådet støtter politikken.\nUændret linje.", "Rådet støtter varmt politikken.\nUændret linje."
    )
    assert result.added == 1 and result.removed == 0
    assert "<ins>varmt </ins>" in result.right_html or "<ins>varmt</ins>" in result.right_html
    assert "Uændret linje." in result.left_html and "<del>" not in result.left_html


def test_compare_escapes_html():
    result = rules.compare("a <b>", "a <script>")
    assert "<script>" not in result.right_html and "&lt;script&gt;" in result.right_html


def test_reminder_stage_catches_up_after_a_missed_day_but_never_after_the_deadline():
    deadline = D(2026, 12, 10)
    assert rules.reminder_stage(deadline, D(2026, 12, 2), 7, 2) is None  # 8 days left
    assert rules.reminder_stage(deadline, D(2026, 12, 3), 7, 2) == 7
    assert rules.reminder_stage(deadline, D(2026, 12, 5), 7, 2) == 7  # the 7-day one, if it was missed
    assert rules.reminder_stage(deadline, D(2026, 12, 8), 7, 2) == 2
    assert rules.reminder_stage(deadline, D(2026, 12, 10), 7, 2) == 2
    assert rules.reminder_stage(deadline, D(2026, 12, 11), 7, 2) is None


def _plain(marked: str) -> str:
    import html
    import re

    return html.unescape(re.sub(r"</?(?:del|ins)>", "", marked))


@given(st.text(alphabet="ab .\n<&æ", max_size=60), st.text(alphabet="ab .\n<&æ", max_size=60))
def test_compare_gives_back_both_texts_exactly(old, new):
    result = rules.compare(old, new)
    assert _plain(result.left_html) == old.replace("\r\n", "\n")
    assert _plain(result.right_html) == new.replace("\r\n", "\n")
    assert "<ins>" not in result.left_html and "<del>" not in result.right_html


def test_compare_gives_back_thirty_pages_exactly():
    # The speed is measured in benchmarks/test_compare.py (make bench), not asserted here.
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
    from benchmarks.bench_compare import document, heavy_edit

    old = "\n".join(document(1))
    new = "\n".join(heavy_edit(document(1)))
    result = rules.compare(old, new)
    assert _plain(result.left_html) == old and _plain(result.right_html) == new
    assert 0 < result.removed < 12000 and 0 < result.added < 12000
