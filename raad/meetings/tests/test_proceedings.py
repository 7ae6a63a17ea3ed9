"""Meetings services, proceedings: admission votes, quorum, conflicts of interest, votes and ties, decisions,
minority statements, the Danish record."""

import pytest
import time_machine

from raad.core.errors import RuleViolation
from raad.meetings import services
from raad.meetings.models import AgendaItem, Decision, NamedVote, Vote
from raad.testing import assert_unchanged

from .conftest import all_present, at
from .factories import chair_decides_on_ties

pytestmark = pytest.mark.django_db(transaction=False)


def test_late_item_refused_on_a_tie(meeting, cast):
    with time_machine.travel(at(2026, 12, 5, 12), tick=False):
        item = services.item_propose(
            meeting=meeting, membership=cast.member, title="Sent punkt", individual_case=False, by=None
        )
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    vote = services.item_admission_vote(item=item, votes_for=5, votes_against=5, by=cast.secretary)
    item.refresh_from_db()
    assert (vote.rule_applied, item.admission) == ("tie_motion_falls", AgendaItem.Admission.REFUSED)


def test_no_decision_without_quorum(meeting, cast):
    item = services.item_add(meeting=meeting, title="Budget for arrangementer", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    services.attendance_register(
        meeting=meeting, present=[m.pk for m in cast.members[:4]], substitutes_present=[], by=cast.secretary
    )
    with assert_unchanged(), pytest.raises(RuleViolation, match="Ikke beslutningsdygtigt: 4 af 10"):
        services.item_decide(item=item, text="Vedtaget", votes_for=4, by=cast.secretary)
    assert not Decision.objects.exists()


def test_vote_with_conflict_of_interest_and_tie_motion_falls(meeting, cast):
    item = services.item_add(meeting=meeting, title="Tilskud til forening", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast, except_=(8, 9))  # 8 present
    services.conflict_declare(item=item, membership=cast.members[3], reason="Bestyrelsesmedlem i foreningen", by=None)
    # Recused does not count: 7 of 10 still quorate; only 7 may vote.
    with assert_unchanged(), pytest.raises(RuleViolation, match="kun 7 kan stemme"):
        services.item_decide(item=item, text="x", votes_for=4, votes_against=4, by=cast.secretary)
    ballots = {m.pk: "for" for m in cast.members[0:3]} | {m.pk: "against" for m in cast.members[4:7]}
    ballots[cast.members[7].pk] = "abstain"
    decision = services.item_decide(
        item=item,
        text="Indstillingen blev ikke vedtaget.",
        method=Vote.Method.BY_NAME,
        ballots=ballots,
        by=cast.secretary,
    )
    assert decision.outcome == Decision.Outcome.REJECTED
    assert decision.rule_applied == "stemmelighed: forslaget bortfalder (forretningsorden § 6, stk. 2)"
    assert (decision.vote.votes_for, decision.vote.votes_against, decision.vote.abstentions, decision.vote.recused) == (
        3,
        3,
        1,
        1,
    )
    assert NamedVote.objects.filter(vote=decision.vote).count() == 7


def test_recused_member_cannot_vote_by_name(meeting, cast):
    item = services.item_add(meeting=meeting, title="Tilskud", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    services.conflict_declare(item=item, membership=cast.members[3], reason="Inhabil", by=None)
    with assert_unchanged(), pytest.raises(RuleViolation, match="Mette Kristensen"):
        services.item_decide(
            item=item,
            text="x",
            method=Vote.Method.BY_NAME,
            ballots={cast.members[3].pk: "for", cast.members[4].pk: "for"},
            by=cast.secretary,
        )


def test_tie_chair_decides_when_the_rules_say_so(cast):
    chair_decides_on_ties(cast)
    meeting = services.meeting_plan(council=cast.council, starts_at=at(2026, 12, 10), place="R", by=cast.secretary)
    item = services.item_add(meeting=meeting, title="Arrangement", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    with assert_unchanged(), pytest.raises(RuleViolation, match="forpersonens stemme skal angives"):
        services.item_decide(item=item, text="x", votes_for=5, votes_against=5, by=cast.secretary)
    result = services.item_decide(
        item=item, text="Vedtaget", votes_for=5, votes_against=5, chair_vote="for", by=cast.secretary
    )
    assert (result.outcome, result.vote.rule_applied) == ("adopted", "tie_chair_decides")


def test_information_item_is_noted_but_also_needs_quorum(meeting, cast):
    item = services.item_add(meeting=meeting, title="Orientering", kind=AgendaItem.Kind.INFORMATION, by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    decision = services.item_decide(item=item, text="Taget til efterretning.", by=cast.secretary)
    assert (decision.outcome, decision.vote) == (Decision.Outcome.NOTED, None)


def test_minority_statement_is_kept_word_for_word(meeting, cast):
    item = services.item_add(meeting=meeting, title="Høring", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    decision = services.item_decide(item=item, text="Vedtaget", votes_for=7, votes_against=3, by=cast.secretary)
    text = "Vi mener, at   sprogundervisningen\nskal ligge om aftenen."
    statement = services.minority_statement_add(
        decision=decision, members="Jonas Petersen og Nour Haddad", text=text, by=None
    )
    statement.refresh_from_db()
    assert statement.text == text


def test_minority_statement_masks_cpr_and_refuses_too_many_names_without_writing(meeting, cast):
    item = services.item_add(meeting=meeting, title="Høring", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    decision = services.item_decide(item=item, text="Vedtaget", votes_for=7, votes_against=3, by=cast.secretary)
    statement = services.minority_statement_add(
        decision=decision, members=" Jonas Testsen ", text="Borgeren 010190 - 1234 skal høres.", by=None
    )
    statement.refresh_from_db()
    assert (statement.members, statement.text) == ("Jonas Testsen", "Borgeren XXXXXX-XXXX skal høres.")
    with pytest.raises(RuleViolation, match="højst fylde 500 tegn"):
        services.minority_statement_add(decision=decision, members="N" * 501, text="Imod.", by=None)
    assert decision.minority_statements.count() == 1


def test_the_record_is_danish_whatever_language_the_secretary_uses(meeting, cast):
    from django.utils import translation

    item = services.item_add(meeting=meeting, title="Punkt", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    with translation.override("en"):
        decision = services.item_decide(item=item, text="Vedtaget", votes_for=7, votes_against=3, by=cast.secretary)
        services.meeting_mark_held(meeting=meeting, by=cast.secretary)
        minutes = services.minutes_start(meeting=meeting, by=cast.secretary)
    assert decision.rule_applied == "simpelt flertal (forretningsorden § 6, stk. 2)"
    assert minutes.entries.get().text.startswith("Beslutning: Vedtaget")


def test_secret_ballot_records_counts_but_no_names(meeting, cast):
    item = services.item_add(meeting=meeting, title="Valg af repræsentant", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    decision = services.item_decide(
        item=item,
        text="Valgt",
        method=Vote.Method.SECRET,
        votes_for=6,
        votes_against=4,
        ballots={cast.members[0].pk: "for"},
        by=cast.secretary,
    )
    assert (decision.vote.method, decision.vote.votes_for) == ("secret", 6)
    assert not NamedVote.objects.exists()
