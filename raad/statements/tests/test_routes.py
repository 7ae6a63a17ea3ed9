"""Statements services, adoption: every transition, and every refusal leaving the database unchanged."""

import datetime

import pytest
import time_machine
from django.core import mail

from raad.core.errors import RuleViolation
from raad.councils.selectors import rules_in_force
from raad.meetings.models import Meeting
from raad.membership.models import Membership
from raad.statements import services
from raad.statements.models import StatementVersion
from raad.testing import assert_unchanged
from raad.testing.cast import login_for

from .conftest import adopt_at_meeting, meeting_decision
from .services_support import (
    CPH,
    TODAY,
    _adopt_at_meeting,
    _rules,
    _today,  # noqa: F401  (the clock fixed on 26 November 2026, autouse)
    verbs,
)


def test_cannot_send_or_publish_a_draft(draft, secretary):
    with assert_unchanged(), pytest.raises(RuleViolation, match="ikke vedtaget"):
        services.statement_send(statement=draft, by=secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="ikke vedtaget"):
        services.statement_publish(statement=draft, by=secretary)
    with assert_unchanged(), pytest.raises(RuleViolation):
        services.follow_up_register(
            statement=draft, decided_on=TODAY, body="Byrådet", decision="Vedtaget", by=secretary
        )


def test_meeting_route_records_the_decision(draft, secretary):
    statement = _adopt_at_meeting(draft, secretary)
    assert (statement.status, statement.adoption_route, statement.adopted_on) == (
        "adopted",
        "meeting",
        datetime.date(2026, 11, 24),
    )
    assert statement.adopted_version.number == 1
    assert statement.decision.item.title == "Høringssvar om integrationspolitikken"
    assert statement.decision_reference == "Møde 24.11.2026, pkt. 1"
    assert verbs(draft)[-1] == "statement.adopted"


def test_meeting_route_refusals(council, draft, secretary):
    rejected = meeting_decision(council, title="Høringssvar", adopted=False)
    with (
        assert_unchanged(),
        pytest.raises(
            RuleViolation,
            match=r"vedtog ikke indstillingen under Møde 24\.11\.2026, pkt\. 1.*forretningsorden § 6, stk\. 2",
        ),
    ):
        services.statement_adopt_at_meeting(statement=draft, decision=rejected, by=secretary)
    from raad.meetings import services as meetings

    information = meetings.item_add(
        meeting=meetings.meeting_plan(
            council=council,
            starts_at=datetime.datetime(2026, 11, 25, 17, tzinfo=CPH),
            place="Holbæk Rådhus",
            by=None,
        ),
        title="Orientering",
        kind="information",
        by=None,
    )
    noted = meeting_decision(council, title="", item=information, day=datetime.date(2026, 11, 25))
    assert noted.outcome == "noted"
    with assert_unchanged(), pytest.raises(RuleViolation, match="vedtog ikke indstillingen"):
        services.statement_adopt_at_meeting(statement=draft, decision=noted, by=secretary)
    other = services.statement_create(
        council=council, kind="statement", title="Anden udtalelse", recipient=draft.recipient, text="Tekst", by=None
    )
    used = adopt_at_meeting(other).decision
    with assert_unchanged(), pytest.raises(RuleViolation, match="allerede registreret som vedtagelsen af »Anden"):
        services.statement_adopt_at_meeting(statement=draft, decision=used, by=secretary)


def test_a_decision_of_another_council_cannot_adopt(draft, secretary):
    from raad.councils.models import Council

    other_council = Council.objects.create(
        municipality=draft.council.municipality, name="Handicaprådet", slug="handicapraadet"
    )
    from raad.meetings.models import Decision

    decision = meeting_decision(draft.council, title="Høringssvar")
    Meeting.objects.filter(pk=decision.item.meeting_id).update(council=other_council)
    with assert_unchanged(), pytest.raises(RuleViolation, match="et andet råd"):
        services.statement_adopt_at_meeting(
            statement=draft, decision=Decision.objects.get(pk=decision.pk), by=secretary
        )


def test_no_adoption_without_text(council, consultation, secretary):
    empty = services.statement_create(
        council=council, kind="response", title="Tomt", consultation=consultation, by=secretary
    )
    decision = meeting_decision(council, title="Tomt")
    with assert_unchanged(), pytest.raises(RuleViolation, match="intet udkast"):
        services.statement_adopt_at_meeting(statement=empty, decision=decision, by=secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="intet udkast"):
        services.written_procedure_open(statement=empty, by=secretary)


def test_adopted_statement_is_immutable_corrections_are_new_versions(draft, secretary):
    _adopt_at_meeting(draft, secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="vedtaget"):
        services.statement_version_save(statement=draft, text="Ny tekst", by=secretary)
    again = meeting_decision(draft.council, title="Igen", day=datetime.date(2026, 11, 25))
    with assert_unchanged(), pytest.raises(RuleViolation, match="allerede vedtaget"):
        services.statement_adopt_at_meeting(statement=draft, decision=again, by=secretary)
    with assert_unchanged(), pytest.raises(RuleViolation):
        services.statement_correct(statement=draft, text="Rettet", note=" ", by=secretary)
    version = services.statement_correct(
        statement=draft, text="Rådet støtter politikken (rettet stavefejl).", note="Stavefejl", by=secretary
    )
    assert (version.number, version.kind) == (2, StatementVersion.Kind.CORRECTION)
    draft.refresh_from_db()
    assert draft.adopted_version.number == 1
    assert "statement.corrected" in verbs(draft)


# ---- written procedure


def test_written_procedure_adopts_with_the_rules_majority(council, draft, secretary, users):
    procedure = services.written_procedure_open(statement=draft, by=secretary)
    assert procedure.closes_on == TODAY + datetime.timedelta(days=rules_in_force(council).written_procedure_days)
    assert len(mail.outbox) == 0  # e-mails leave only after commit
    for name in ["Amina", "Lars", "Ahmad", "Mette", "Fatima", "Olena", "Zainab"]:
        services.written_answer_give(procedure=procedure, user=login_for(name), answer="agree")
    services.written_answer_give(procedure=procedure, user=login_for("Mikkel"), answer="comment", comment="Fint.")
    with pytest.raises(RuleViolation, match="ikke alle"):
        services.written_procedure_close(procedure=procedure, by=secretary)
    with time_machine.travel(datetime.datetime(2026, 12, 2, 9, 0, tzinfo=CPH), tick=False):
        procedure = services.written_procedure_close(procedure=procedure, by=secretary)
    assert procedure.result == "adopted"
    assert procedure.tally["agree"] == 7 and procedure.tally["comment"] == 1 and procedure.tally["required"] == 8
    draft.refresh_from_db()
    assert (draft.status, draft.adoption_route, draft.adopted_on) == ("adopted", "written", datetime.date(2026, 12, 2))
    assert "7 enige, 0 uenige, 1 bemærkninger" in draft.decision_reference


def test_written_procedure_too_few_answers_is_not_adopted(draft, secretary):
    procedure = services.written_procedure_open(statement=draft, by=secretary)
    services.written_answer_give(procedure=procedure, user=login_for("Amina"), answer="agree")
    with time_machine.travel(datetime.datetime(2026, 12, 2, 9, 0, tzinfo=CPH), tick=False):
        procedure = services.written_procedure_close(procedure=procedure, by=secretary)
    assert procedure.result == "not_quorate"
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_written_answer_refusals(draft, secretary, users):
    procedure = services.written_procedure_open(statement=draft, by=secretary)
    services.written_answer_give(procedure=procedure, user=users["medlem"], answer="agree")
    with assert_unchanged(), pytest.raises(RuleViolation, match="én gang"):
        services.written_answer_give(procedure=procedure, user=users["medlem"], answer="disagree")
    with assert_unchanged(), pytest.raises(RuleViolation, match="Kun medlemmer"):
        services.written_answer_give(procedure=procedure, user=secretary, answer="agree")
    with assert_unchanged(), pytest.raises(RuleViolation, match="Kun medlemmer"):
        services.written_answer_give(procedure=procedure, user=users["stedfortraeder"], answer="agree")
    with assert_unchanged(), pytest.raises(RuleViolation):
        services.written_answer_give(procedure=procedure, user=users["forperson"], answer="comment", comment="")
    with assert_unchanged(), pytest.raises(RuleViolation, match="allerede en åben"):
        services.written_procedure_open(statement=draft, by=secretary)
    with (
        time_machine.travel(datetime.datetime(2026, 12, 5, 9, 0, tzinfo=CPH), tick=False),
        assert_unchanged(),
        pytest.raises(RuleViolation, match="Svarfristen"),
    ):
        services.written_answer_give(procedure=procedure, user=users["forperson"], answer="agree")


def test_member_who_left_cannot_answer(draft, secretary, users):
    procedure = services.written_procedure_open(statement=draft, by=secretary)
    membership = Membership.objects.get(person__user=users["medlem"])
    membership.ends_on = TODAY - datetime.timedelta(days=1)
    membership.save()
    with assert_unchanged(), pytest.raises(RuleViolation, match="Kun medlemmer"):
        services.written_answer_give(procedure=procedure, user=users["medlem"], answer="agree")


def test_written_procedure_uses_tie_rule_in_force(council, draft, secretary, users):
    _rules(council, quorum_numerator=1, quorum_denominator=15, tie_rule="chair_decides")
    procedure = services.written_procedure_open(statement=draft, by=secretary)
    services.written_answer_give(procedure=procedure, user=users["forperson"], answer="agree")
    services.written_answer_give(procedure=procedure, user=users["medlem"], answer="disagree")
    with time_machine.travel(datetime.datetime(2026, 12, 2, 9, 0, tzinfo=CPH), tick=False):
        procedure = services.written_procedure_close(procedure=procedure, by=secretary)
    assert procedure.result == "adopted" and procedure.tally["decided_by"] == "chair"


def test_closing_twice_is_refused(draft, secretary):
    procedure = services.written_procedure_open(statement=draft, by=secretary)
    with time_machine.travel(datetime.datetime(2026, 12, 2, 9, 0, tzinfo=CPH), tick=False):
        services.written_procedure_close(procedure=procedure, by=secretary)
        with assert_unchanged(), pytest.raises(RuleViolation, match="allerede afsluttet"):
            services.written_procedure_close(procedure=procedure, by=secretary)


# ---- urgent procedure


def test_urgent_procedure_needs_both_chair_and_vice_chair(draft, users):
    services.urgent_approve(statement=draft, user=users["forperson"])
    draft.refresh_from_db()
    assert draft.status == "draft"
    services.urgent_approve(statement=draft, user=users["naestforperson"])
    draft.refresh_from_db()
    assert (draft.status, draft.adoption_route) == ("adopted", "urgent")
    assert draft.report_at_next_meeting is True  # no meeting planned: the desk shows the report is due (R24)
    assert draft.report_item is None


def test_urgent_approval_refusals(council, draft, users):
    with assert_unchanged(), pytest.raises(RuleViolation, match="Kun forpersonen"):
        services.urgent_approve(statement=draft, user=users["medlem"])
    with assert_unchanged(), pytest.raises(RuleViolation, match="Kun forpersonen"):
        services.urgent_approve(statement=draft, user=users["sekretariat"])
    services.urgent_approve(statement=draft, user=users["forperson"])
    with assert_unchanged(), pytest.raises(RuleViolation, match="allerede godkendt"):
        services.urgent_approve(statement=draft, user=users["forperson"])
    _rules(council, urgent_procedure_allowed=False)
    with assert_unchanged(), pytest.raises(RuleViolation, match="tillader ikke"):
        services.urgent_approve(statement=draft, user=users["naestforperson"])


def test_urgent_approvals_must_be_of_the_same_version(draft, users, secretary):
    services.urgent_approve(statement=draft, user=users["forperson"])
    services.statement_version_save(statement=draft, text="Ny formulering.", by=secretary)
    services.urgent_approve(statement=draft, user=users["naestforperson"])
    draft.refresh_from_db()
    assert draft.status == "draft"
