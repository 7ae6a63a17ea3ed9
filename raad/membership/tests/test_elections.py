"""Elections among the members (R10, R12): majority, a tie leads to a new round, a second tie to a lot
draw; the count is checked against the voters present; the result becomes the role."""

import datetime

import pytest

from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry
from raad.membership import services
from raad.membership.models import Election, LotDraw, Membership
from raad.testing import assert_unchanged

from .conftest import make_person
from .services_support import appoint

DAY = datetime.date(2026, 2, 10)


@pytest.fixture
def members(seats, term, decision):
    people = [make_person(f"M{i}") for i in range(9)]
    return [appoint(person, seat, term, decision) for person, seat in zip(people, seats[:9], strict=True)]


def open_election(council, office, candidates, method=Election.Method.PAPER, present=9):
    return services.election_open(
        council=council,
        office=office,
        method=method,
        held_on=DAY,
        candidates=candidates,
        voters_present=present,
        by=None,
    )


def test_the_vice_chair_is_elected_after_the_chair(council, members):
    with assert_unchanged(), pytest.raises(RuleViolation) as refused:
        open_election(council, Election.Office.VICE_CHAIR, members[:2])
    assert refused.value.messages == ["Forpersonen vælges før næstforpersonen (forretningsorden § 3)."]


def test_plurality_elects_and_sets_the_role(council, members):
    election = open_election(council, Election.Office.CHAIR, members[:2])
    a, b = election.candidates.order_by("membership__seat__number")
    services.round_close(round=election.rounds.get(), paper_counts={a.pk: 5, b.pk: 4}, by=None)
    election.refresh_from_db()
    assert election.elected == members[0]
    assert Membership.objects.get(pk=members[0].pk).role == "chair"
    assert AuditEntry.objects.filter(verb="election.decided").count() == 1


def test_tie_new_round_then_second_tie_lot_draw(council, members):
    chair = open_election(council, Election.Office.CHAIR, members[:1])
    services.round_close(round=chair.rounds.get(), paper_counts={chair.candidates.get().pk: 9}, by=None)
    vice = open_election(council, Election.Office.VICE_CHAIR, members[1:3])
    a, b = vice.candidates.order_by("membership__seat__number")
    first = services.round_close(round=vice.rounds.get(number=1), paper_counts={a.pk: 4, b.pk: 4}, blank=1, by=None)
    assert (first.outcome, first.tied) == ("new_round", True)
    second = services.round_close(round=vice.rounds.get(number=2), paper_counts={a.pk: 4, b.pk: 4}, blank=1, by=None)
    assert second.outcome == "lot"
    with pytest.raises(RuleViolation):
        services.lot_draw_record(round=second, drawn_by="", result=b, by=None)
    draw = services.lot_draw_record(round=second, drawn_by="Camilla Holt", result=b, by=None)
    assert (draw.drawn_by, draw.among, draw.result) == ("Camilla Holt", ["M1 Hansen", "M2 Hansen"], b)
    assert Membership.objects.get(pk=members[2].pk).role == "vice_chair"
    entry = AuditEntry.objects.get(verb="election.lot_drawn")
    assert entry.changes["result"]["after"] == "M2 Hansen" and entry.changes["drawn_by"]["after"] == "Camilla Holt"
    assert LotDraw.objects.count() == 1


def test_the_count_cannot_exceed_the_voters_present(council, members):
    election = open_election(council, Election.Office.CHAIR, members[:2], present=8)
    a, b = election.candidates.all()
    with assert_unchanged(), pytest.raises(RuleViolation) as refused:
        services.round_close(round=election.rounds.get(), paper_counts={a.pk: 5, b.pk: 4}, by=None)
    assert refused.value.messages == ["Der er talt 9 stemmer, men kun 8 stemmeberettigede er til stede."]


def test_only_members_are_candidates_and_present_cannot_exceed_members(council, members):
    with pytest.raises(RuleViolation) as refused:
        open_election(council, Election.Office.CHAIR, members[:2], present=10)
    assert refused.value.messages == ["Der kan højst være 9 stemmeberettigede til stede."]


def test_secret_ballot_each_member_once_and_no_more_than_present(council, members):
    election = open_election(
        council, Election.Office.CHAIR, members[:2], method=Election.Method.SECRET_DEVICE, present=2
    )
    round_ = election.rounds.get()
    a = election.candidates.get(membership=members[0])
    services.ballot_cast(round=round_, membership=members[0], choice=a, by=None)
    with pytest.raises(RuleViolation) as twice:
        services.ballot_cast(round=round_, membership=members[0], choice=a, by=None)
    assert twice.value.messages == ["Du har allerede stemt i denne runde."]
    services.ballot_cast(round=round_, membership=members[1], choice=None, by=None)
    with pytest.raises(RuleViolation) as third:
        services.ballot_cast(round=round_, membership=members[2], choice=a, by=None)
    assert third.value.messages == ["Der er allerede afgivet 2 stemmer, lige så mange som de fremmødte."]
    services.round_close(round=round_, by=None)
    election.refresh_from_db()
    assert election.elected == members[0]  # 1 vote to 0, one blank


def test_national_representative(council, members):
    election = open_election(council, Election.Office.NATIONAL_REPRESENTATIVE, members[3:4])
    services.round_close(round=election.rounds.get(), paper_counts={election.candidates.get().pk: 7}, blank=2, by=None)
    assert Membership.objects.get(pk=members[3].pk).is_national_representative
    assert Membership.objects.get(pk=members[3].pk).role == "member"
