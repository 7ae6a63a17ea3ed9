"""The rules of procedure as pure functions: citations, consistency and readable text."""

import pytest
from django.utils import translation

from raad.councils import rules
from raad.councils.presets.holbaek import RULES

HOLBAEK = RULES["settings"]


def test_every_setting_is_cited_in_exactly_one_paragraph():
    assert len(rules.SETTING_FIELDS) == len(set(rules.SETTING_FIELDS))
    assert set(HOLBAEK) == set(rules.SETTING_FIELDS)


def test_citations_follow_the_readable_numbering():
    with translation.override("da"):
        assert rules.reference("max_members") == "forretningsorden § 1, stk. 1"
        assert rules.reference("max_direct_seats") == "forretningsorden § 1, stk. 2"
        assert rules.reference("election_majority") == "forretningsorden § 3"
        assert rules.reference("notice_deadline_days") == "forretningsorden § 5, stk. 2"
    with pytest.raises(KeyError):
        rules.reference("no_such_setting")


def test_holbaek_preset_is_consistent():
    assert rules.check_consistency(HOLBAEK) == []


def test_inconsistent_settings_are_named_with_their_paragraph():
    broken = {**HOLBAEK, "max_nominated_seats": 5, "notice_deadline_days": 12, "quorum_numerator": 3}
    with translation.override("da"):
        found = {v.field: v.message for v in rules.check_consistency(broken)}
    assert found["max_nominated_seats"] == (
        "Pladstyperne giver kun 7 pladser, men rådet kan have 15 medlemmer. (forretningsorden § 1, stk. 2)"
    )
    assert "(forretningsorden § 5, stk. 2)" in found["notice_deadline_days"]
    assert "(forretningsorden § 6, stk. 1)" in found["quorum_numerator"]


def test_readable_text_uses_the_numbers_of_the_version():
    with translation.override("da"):
        sections = rules.readable({**HOLBAEK, "max_members": 11, "member_item_deadline_days": 14})
    text = " ".join(clause for section in sections for clause in section.clauses)
    assert [s.number for s in sections] == list(range(1, 13))
    assert sections[10].title == "Arrangementer"
    assert sections[11].title == "Sekretariatets frister"
    assert "Sekretariatet vurderer en borgers henvendelse senest 10 dage efter modtagelsen." in text
    assert "Udkastet til referat rundsendes senest 7 dage efter mødet." in text
    assert "Tilmeldte til et arrangement får en påmindelse 2 dage før." in text
    assert sections[0].title == "Sammensætning"
    assert "Rådet består af op til 11 medlemmer." in text
    assert "senest 14 dage før mødet" in text
    assert "mindst 1/3 af medlemmerne" in text
    assert "mindst halvdelen af medlemmerne er til stede" in text


def test_required_count_rounds_up():
    assert rules.required_count(15, 1, 2) == 8
    assert rules.required_count(14, 1, 2) == 7
    assert rules.required_count(15, 1, 3) == 5
    assert rules.required_count(16, 1, 3) == 6
