import calendar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from raad.core.redaction import CPR_MASK, contains_cpr, find_names, find_personal_data, mask_cpr


def test_cpr_numbers_are_masked_in_all_common_spellings():
    text = "Borgeren 010190-1234 og 0101901234 samt 010190 1234 skrev."
    assert mask_cpr(text) == f"Borgeren {CPR_MASK} og {CPR_MASK} samt {CPR_MASK} skrev."


def test_numbers_that_are_not_cpr_are_kept():
    text = "Mødet er 12.03.2026, sag 26-004512, telefon 72 36 36 36, budget 1.250.000 kr, 999999-9999."
    assert mask_cpr(text) == text
    assert not contains_cpr(text)


def test_personal_data_check_finds_cpr_email_phone_and_address():
    text = "Skriv til anna@example.dk eller ring 22 33 44 55. Hun bor på Smedegade 12. CPR 311299-1111."
    kinds = [(f.kind, f.text) for f in find_personal_data(text)]
    assert ("cpr", "311299-1111") in kinds
    assert ("email", "anna@example.dk") in kinds
    assert ("phone", "22 33 44 55") in kinds
    assert ("address", "Smedegade 12") in kinds


# ------------------------------------------------------------------ every spelling people type (issue #9)


@pytest.mark.parametrize(
    "spelling",
    [
        "010190–1234",  # en dash
        "010190 - 1234",  # spaces around the hyphen
        "0101 90 1234",  # a space inside the date
        "010190—1234",  # em dash
        "010190−1234",  # minus sign
        "01.01.90-1234",  # dots inside the date
        "010190.1234",
        "010190/1234",
        "010190\u00a01234",  # no-break space
    ],
)
def test_cpr_numbers_are_masked_in_the_spellings_people_type(spelling):
    assert mask_cpr(f"Borgerens CPR er {spelling}, oplyst i telefonen.") == (
        f"Borgerens CPR er {CPR_MASK}, oplyst i telefonen."
    )
    assert [f.kind for f in find_personal_data(f"CPR {spelling}")] == ["cpr"]


@pytest.mark.parametrize(
    "text",
    [
        "Mødet er 12.03.2026 kl. 17.",
        "Sag 2026-001234 og sag 26-004512.",
        "Ring på 72 36 36 36 eller +45 22 33 44 55.",
        "Budgettet er 1.250.000 kr.",
        "Nummeret 999999-9999 er ikke et CPR-nummer.",
        "Den 31. februar findes ikke: 310290-1234.",
        "Måned 13 findes ikke: 011390–1234.",
        "Kontonummer 1234-5678901234.",
        "Journalnummer 00.01.00-A00-1-26.",
    ],
)
def test_ordinary_numbers_stay_as_they_are(text):
    assert mask_cpr(text) == text
    assert not contains_cpr(text)


def test_29_february_is_a_plausible_birthday_only_in_leap_years():
    assert mask_cpr("290288-1234") == CPR_MASK
    assert mask_cpr("290289-1234") == "290289-1234"


SEPARATORS = ["", "-", "–", "—", "−", ".", "/", " ", " - ", " – ", "\u00a0", "  "]
IN_DATE = ["", " ", "."]


@st.composite
def plausible_cpr(draw) -> str:
    """A CPR number with a real date as its first six digits, spelt in one of the ways people type it."""
    year = draw(st.integers(0, 99))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, calendar.monthrange(2000 + year, month)[1]))
    sequence = draw(st.integers(0, 9999))
    first, second = draw(st.sampled_from(IN_DATE)), draw(st.sampled_from(IN_DATE))
    separator = draw(st.sampled_from(SEPARATORS))
    return f"{day:02d}{first}{month:02d}{second}{year:02d}{separator}{sequence:04d}"


# The machine is shared: judge the property, not the speed of generating text.
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(before=st.text(max_size=40), cpr=plausible_cpr(), after=st.text(max_size=40))
def test_no_plausible_cpr_survives_masking(before, cpr, after):
    masked = mask_cpr(f"{before} {cpr} {after}")
    assert cpr not in masked
    assert not contains_cpr(masked)
    assert CPR_MASK in masked


@PROPERTY
@given(before=st.text(alphabet=st.characters(exclude_categories=["Nd"]), max_size=40), cpr=plausible_cpr())
def test_masking_changes_nothing_but_the_number(before, cpr):
    assert mask_cpr(f"{before} {cpr} .") == f"{before} {CPR_MASK} ."


def test_names_of_people_other_than_the_known_ones_are_found_once():
    text = "Ahmad Testsen og Karen Jensen mødtes. Karen Jensen fra Holbæk Kommune skrev til Integrationsrådet Holbæk."
    findings = find_names(text, known_names={"Ahmad Testsen"}, common_words={"Holbæk"})
    assert [(f.kind, f.text) for f in findings] == [("name", "Karen Jensen")]


def test_names_are_only_looked_for_when_the_caller_says_whose_names_may_appear():
    assert find_personal_data("Karen Jensen skrev.") == []
    assert [f.text for f in find_personal_data("Karen Jensen skrev.", known_names=set())] == ["Karen Jensen"]
