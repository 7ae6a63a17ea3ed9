"""The ældreråd's direct election (retssikkerhedsloven § 30): the secretariat records the result; the
elected become members, the next ones substitutes in vote order; a bad result writes nothing."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry
from raad.core.roles import Role
from raad.councils.models import Term
from raad.councils.presets import PRESETS
from raad.councils.services import council_setup_from_preset, staff_assign
from raad.membership.models import DirectElection, DirectElectionCandidate, Membership, Person
from raad.membership.services import CandidateResult, direct_election_record
from raad.testing.cast import log_in_verified, make_user

HELD_ON = datetime.date(2026, 1, 20)
STARTS_ON = datetime.date(2026, 2, 1)


@pytest.fixture
def elderly(db):
    council, _created = council_setup_from_preset(preset=PRESETS["holbaek-aeldre"])
    return council


def _term(council):
    return Term.objects.get(council=council, starts_on=datetime.date(2026, 1, 1))


def _record(council, candidates, seats=3, **extra):
    return direct_election_record(
        council=council,
        term=extra.pop("term", _term(council)),
        held_on=HELD_ON,
        seats=seats,
        candidates=[CandidateResult(name, votes) for name, votes in candidates],
        reference_text="Valgbestyrelsen 21.01.2026",
        starts_on=extra.pop("starts_on", STARTS_ON),
        by=None,
    )


def test_the_elected_become_members_and_the_next_are_substitutes_in_vote_order(elderly):
    election = _record(
        elderly,
        [("Inge Mortensen", 412), ("Bent Kragh", 655), ("Else Thygesen", 198), ("Poul Ravn", 530), ("Kaj Lund", 0)],
    )
    rows = [(c.position, c.name, c.votes, c.outcome, c.substitute_number) for c in election.candidates.all()]
    assert rows == [
        (1, "Bent Kragh", 655, "elected", None),
        (2, "Poul Ravn", 530, "elected", None),
        (3, "Inge Mortensen", 412, "elected", None),
        (4, "Else Thygesen", 198, "substitute", 1),
        (5, "Kaj Lund", 0, "substitute", 2),
    ]
    members = Membership.objects.filter(seat__council=elderly).order_by("seat__number")
    assert [(str(m.person), m.seat.kind, m.starts_on) for m in members] == [
        ("Bent Kragh", "direct", STARTS_ON),
        ("Poul Ravn", "direct", STARTS_ON),
        ("Inge Mortensen", "direct", STARTS_ON),
    ]
    assert DirectElectionCandidate.objects.filter(membership__isnull=False).count() == 3
    entry = AuditEntry.objects.get(verb="direct_election.recorded")
    assert entry.changes["substitutes"]["after"] == ["Else Thygesen", "Kaj Lund"]


def test_equal_votes_keep_the_order_given(elderly):
    election = _record(elderly, [("A Ahl", 10), ("B Berg", 10), ("C Carl", 10)], seats=1)
    assert [c.name for c in election.candidates.all()] == ["A Ahl", "B Berg", "C Carl"]


@pytest.mark.parametrize(
    ("candidates", "seats", "message"),
    [
        ([("Bent Kragh", 5), ("bent  kragh", 3)], 1, "Linje 2: bent kragh står der allerede."),
        ([("Bent Kragh", -1), ("Poul Ravn", 3)], 1, "Linje 1: stemmetallet skal være et helt tal, 0 eller derover."),
        ([("Bent Kragh", 2.5), ("Poul Ravn", 3)], 1, "Linje 1: stemmetallet skal være et helt tal, 0 eller derover."),
        ([("Bent Kragh", 5)], 2, "Der er 2 pladser på valg, men kun 1 kandidater."),
        ([("", 5)], 1, "Linje 1: skriv kandidatens navn."),
    ],
)
def test_a_bad_result_is_refused_and_nothing_is_written(elderly, candidates, seats, message):
    people, entries = Person.objects.count(), AuditEntry.objects.count()
    with pytest.raises(RuleViolation) as refused:
        _record(elderly, candidates, seats=seats)
    assert message in [str(v) for v in refused.value.violations]
    assert (DirectElection.objects.count(), Membership.objects.count()) == (0, 0)
    assert (Person.objects.count(), AuditEntry.objects.count()) == (people, entries)


def test_more_elected_than_the_rules_allow_is_refused_and_nothing_is_written(elderly):
    candidates = [(f"Kandidat Nr{i}", 100 - i) for i in range(11)]
    with pytest.raises(RuleViolation):
        _record(elderly, candidates, seats=10)  # the preset's example: at most 9 members
    assert (DirectElection.objects.count(), Membership.objects.count(), Person.objects.count()) == (0, 0, 0)


def test_the_secretariat_records_a_result_through_the_form_and_a_bad_line_keeps_what_was_typed(client, elderly):
    secretary = make_user("sekretariat", "Camilla", "Holt")
    staff_assign(council=elderly, user=secretary, role=Role.SECRETARIAT, starts_on=datetime.date(2022, 1, 1), by=None)
    log_in_verified(client, secretary)
    url = reverse("membership:direct_election", args=[elderly.slug])
    form = {
        "term": _term(elderly).pk,
        "held_on": "2026-01-20",
        "seats": "2",
        "candidates": "Bent Kragh; 655\nPoul Ravn; mange\nInge Mortensen; 412",
        "reference_text": "Valgbestyrelsen 21.01.2026",
        "starts_on": "2026-02-01",
    }
    response = client.post(url, form)
    assert response.status_code == 400
    assert "Linje 2: stemmetallet skal være et helt tal, 0 eller derover." in response.content.decode()
    assert "Poul Ravn; mange" in response.content.decode()
    assert DirectElection.objects.count() == 0
    response = client.post(url, {**form, "candidates": "Bent Kragh; 655\nPoul Ravn; 530\nInge Mortensen; 412"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Stedfortræder nr. 1" in page
    assert sorted(str(m.person) for m in Membership.objects.filter(seat__council=elderly)) == [
        "Bent Kragh",
        "Poul Ravn",
    ]
