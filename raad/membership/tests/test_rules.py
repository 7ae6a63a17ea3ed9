"""The composition, nomination and election rules as pure functions."""

import datetime

import pytest

from raad.membership import rules
from raad.membership.residence import Residence, resolver_for

LIMITS = rules.Limits(
    max_members=15,
    max_nominated_seats=13,
    max_direct_seats=2,
    max_board_member_seats=0,
    residence_required=True,
    min_members_warning=7,
)
TERM = (datetime.date(2026, 1, 1), datetime.date(2029, 12, 31))


def proposal(**overrides):
    values = dict(
        person_id=999,
        person_name="Ida Berg",
        seat_id=999,
        seat_kind="nominated",
        resides_in_municipality=True,
        starts_on=datetime.date(2026, 2, 1),
        term_starts_on=TERM[0],
        term_ends_on=TERM[1],
    )
    values.update(overrides)
    return rules.Proposal(**values)


def sitting(nominated: int, direct: int = 0):
    people = [rules.Sitting(person_id=i, seat_id=i, seat_kind="nominated") for i in range(1, nominated + 1)]
    people += [rules.Sitting(person_id=100 + i, seat_id=100 + i, seat_kind="direct") for i in range(direct)]
    return people


def messages(found):
    return [v.message for v in found]


def test_a_sixteenth_member_is_refused_naming_the_rule():
    found = rules.appointment_violations(LIMITS, sitting(13, 2), proposal(seat_kind="board_member"))
    assert "Rådet har allerede 15 medlemmer (forretningsorden § 1, stk. 1)." in messages(found)


def test_a_fourteenth_nominated_member_is_refused():
    found = rules.appointment_violations(LIMITS, sitting(13), proposal())
    assert messages(found) == [
        "Rådet har allerede 13 medlemmer udpeget efter indstilling (forretningsorden § 1, stk. 2)."
    ]


def test_a_third_direct_member_is_refused():
    found = rules.appointment_violations(LIMITS, sitting(3, 2), proposal(seat_kind="direct"))
    assert messages(found) == ["Rådet har allerede 2 direkte udpegede medlemmer (forretningsorden § 1, stk. 2)."]


def test_a_non_resident_is_refused():
    found = rules.appointment_violations(LIMITS, [], proposal(resides_in_municipality=False))
    assert messages(found) == ["Ida Berg har ikke bopæl i kommunen (forretningsorden § 1, stk. 1)."]


def test_an_unconfirmed_shared_postcode_is_refused_until_confirmed():
    found = rules.appointment_violations(
        LIMITS, [], proposal(resides_in_municipality=False, residence_unconfirmed=True)
    )
    assert messages(found) == [
        "Ida Berg har et postnummer, der deles med en nabokommune; sekretariatet skal bekræfte bopælen i kommunen "
        "først (forretningsorden § 1, stk. 1)."
    ]


def test_no_person_on_two_seats_and_no_seat_twice():
    people = [
        rules.Sitting(person_id=999, seat_id=1, seat_kind="nominated"),
        rules.Sitting(person_id=2, seat_id=999, seat_kind="nominated"),
    ]
    assert messages(rules.appointment_violations(LIMITS, people, proposal())) == [
        "Pladsen er allerede besat.",
        "Ida Berg sidder allerede i rådet på en anden plads.",
    ]


def test_no_appointment_outside_the_term():
    found = rules.appointment_violations(LIMITS, [], proposal(starts_on=datetime.date(2030, 1, 1)))
    assert messages(found) == [
        "Udpegningen ligger uden for valgperioden 01.01.2026–31.12.2029 (forretningsorden § 2, stk. 1)."
    ]


def test_the_limits_come_from_the_rules_of_procedure():
    smaller = rules.Limits(
        max_members=9, max_nominated_seats=7, max_direct_seats=2, max_board_member_seats=0, residence_required=False
    )
    found = rules.appointment_violations(smaller, sitting(7), proposal(resides_in_municipality=False))
    assert messages(found) == [
        "Rådet har allerede 7 medlemmer udpeget efter indstilling (forretningsorden § 1, stk. 2)."
    ]


def test_state_violations_accept_a_flagged_member_who_moved_away():
    moved = [rules.Sitting(1, 1, "nominated", resides_in_municipality=False, flagged_moved_away=True)]
    assert rules.state_violations(LIMITS, moved) == []
    unflagged = [rules.Sitting(1, 1, "nominated", resides_in_municipality=False)]
    assert rules.state_violations(LIMITS, unflagged) == [
        "Et medlem har ikke bopæl i kommunen (forretningsorden § 1, stk. 1)."
    ]


@pytest.mark.parametrize(
    ("counts", "majority", "tied_before", "expected"),
    [
        ({1: 8, 2: 7}, "plurality", False, rules.RoundResult("elected", 1, ())),
        ({1: 7, 2: 7, 3: 1}, "plurality", False, rules.RoundResult("new_round", None, (1, 2))),
        ({1: 7, 2: 7}, "plurality", True, rules.RoundResult("lot", None, (1, 2))),
        ({1: 6, 2: 5, 3: 4}, "absolute", False, rules.RoundResult("new_round", None, (1, 2))),
        ({1: 8, 2: 7}, "absolute", False, rules.RoundResult("elected", 1, ())),
        ({1: 5, 2: 5, 3: 5}, "absolute", True, rules.RoundResult("lot", None, (1, 2, 3))),
    ],
)
def test_round_result(counts, majority, tied_before, expected):
    assert rules.round_result(counts, majority=majority, previous_round_tied=tied_before) == expected


def test_count_cannot_exceed_the_voters_present():
    assert messages(rules.count_violations(voters_present=12, ballots=13, eligible=15)) == [
        "Der er talt 13 stemmer, men kun 12 stemmeberettigede er til stede."
    ]
    assert rules.count_violations(voters_present=12, ballots=12, eligible=15) == []


def test_add_months_keeps_the_day_or_takes_the_last_of_the_month():
    assert rules.add_months(datetime.date(2026, 1, 28), 6) == datetime.date(2026, 7, 28)
    assert rules.add_months(datetime.date(2026, 8, 31), 6) == datetime.date(2027, 2, 28)
    assert rules.add_months(datetime.date(2026, 11, 30), 3) == datetime.date(2027, 2, 28)


@pytest.mark.parametrize(
    ("postcode", "status"),
    [
        ("4300", Residence.INSIDE),
        ("4532", Residence.INSIDE),
        ("4330", Residence.NEEDS_CONFIRMATION),
        ("4534", Residence.NEEDS_CONFIRMATION),
        ("4000", Residence.OUTSIDE),
        ("43", Residence.OUTSIDE),
    ],
)
def test_holbaek_postcodes(postcode, status):
    result = resolver_for("0316").resolve(street_address="Algade 1", postcode=postcode)
    assert result.status is status
    assert result.resides is (status is Residence.INSIDE)


def test_every_holbaek_postcode_named_in_the_issue_is_inside():
    resolver = resolver_for("0316")
    for postcode in ["4300", "4340", "4350", "4360", "4370", "4390", "4420", "4440", "4450", "4460", "4520", "4532"]:
        assert resolver.resolve(postcode=postcode).status is Residence.INSIDE
    for postcode in ["4330", "4490", "4470", "4534"]:
        assert resolver.resolve(postcode=postcode).needs_confirmation
