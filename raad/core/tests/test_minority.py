"""One minority statement concept (R22): the same fields, limit, validation and masking wherever it is recorded."""

import pytest

from raad.core.errors import RuleViolation
from raad.core.minority import MINORITY_MEMBERS_MAX_LENGTH, minority_statement_cleaned
from raad.core.redaction import CPR_MASK


def test_the_dissent_is_kept_word_for_word_with_cpr_numbers_masked_in_names_and_text():
    cleaned = minority_statement_cleaned(
        members="  Jonas Testsen (0101 90 1234) ",
        text="\r\nVi mener, at   borgeren 010190–1234\r\nskal høres.  ",
    )
    assert cleaned == {
        "members": f"Jonas Testsen ({CPR_MASK})",
        "text": f"Vi mener, at   borgeren {CPR_MASK}\nskal høres.",
    }


@pytest.mark.parametrize(("members", "text"), [("", "Vi er imod."), ("Jonas Testsen", "  \n "), (" ", "")])
def test_a_minority_statement_needs_both_who_and_what(members, text):
    with pytest.raises(RuleViolation) as refused:
        minority_statement_cleaned(members=members, text=text)
    assert refused.value.messages == ["Skriv mindretallets udtalelse og hvem mindretallet er."]
    assert [v.field for v in refused.value.violations] == ["text"]


def test_the_names_have_one_limit_and_a_longer_list_is_refused_with_a_clear_message():
    names = "A" * MINORITY_MEMBERS_MAX_LENGTH
    assert minority_statement_cleaned(members=names, text="Imod.")["members"] == names
    with pytest.raises(RuleViolation) as refused:
        minority_statement_cleaned(members=names + "B", text="Imod.")
    assert refused.value.messages == ["Navnene på mindretallet må højst fylde 500 tegn."]
    assert [v.field for v in refused.value.violations] == ["members"]
