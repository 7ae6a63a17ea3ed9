"""Statements services, sending and publishing: every transition, and every refusal leaving the database unchanged."""

import datetime
import io

import pypdf
import pytest
import time_machine
from django.core import mail

from raad.core.errors import RuleViolation
from raad.membership.models import Membership
from raad.statements import services
from raad.statements.models import RecordEntry, Statement, WrittenProcedure
from raad.testing import assert_unchanged

from .services_support import (
    CPH,
    TODAY,
    _adopt_at_meeting,
    _rules,
    _today,  # noqa: F401  (the clock fixed on 26 November 2026, autouse)
    verbs,
)


def _pdf_text(statement):
    statement.letter.open("rb")
    reader = pypdf.PdfReader(io.BytesIO(statement.letter.read()))
    statement.letter.close()
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_minority_statement_masks_cpr_in_names_and_text_and_refuses_too_many_names(draft, secretary):
    minority = services.minority_statement_add(
        statement=draft, members="Olena Shevchenko 0101 90 1234", text="CPR 010190–1234 hører ikke hjemme her.", by=None
    )
    minority.refresh_from_db()
    assert (minority.members, minority.text) == (
        "Olena Shevchenko XXXXXX-XXXX",
        "CPR XXXXXX-XXXX hører ikke hjemme her.",
    )
    with pytest.raises(RuleViolation, match="højst fylde 500 tegn"):
        services.minority_statement_add(statement=draft, members="N" * 501, text="Imod.", by=None)
    assert draft.minority_statements.count() == 1


def test_send_makes_a_tagged_letter_journalises_publishes_and_mails_after_commit(
    draft, secretary, django_capture_on_commit_callbacks
):
    _adopt_at_meeting(draft, secretary)
    services.minority_statement_add(
        statement=draft, members="Olena Shevchenko", text="Mindretallet ønsker et loft over udgifterne.", by=secretary
    )
    with django_capture_on_commit_callbacks(execute=True):
        statement = services.statement_send(statement=draft, by=secretary)
    assert statement.status == "published"  # the Holbæk rules publish adopted statements (§ 9)
    assert statement.sent_to == "sosu@holbaek.invalid"
    assert statement.sent_at.astimezone(CPH).date() == TODAY
    entry = RecordEntry.objects.get(statement=statement)
    assert (entry.direction, entry.entry_date, entry.case_number) == ("out", TODAY, "27.00.00-P15-3-26")
    reader, text = _pdf_text(statement)
    assert "Integrationsrådet i Holbæk Kommune" in text and "Holbæk Kommune" in text
    assert "Rådet foreslår mere sprogundervisning." in text
    assert "Mindretallet ønsker et loft over udgifterne." in text
    assert "27.00.00-P15-3-26" in text
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "da" and "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["sosu@holbaek.invalid"]
    assert message.attachments[0][2] == "application/pdf"
    assert verbs(draft)[-2:] == ["statement.sent", "statement.published"]


def test_send_before_commit_sends_no_mail(draft, secretary):
    _adopt_at_meeting(draft, secretary)
    services.statement_send(statement=draft, by=secretary)
    assert mail.outbox == []  # the test transaction never commits


def test_late_send_requires_and_shows_a_reason(draft, secretary):
    _adopt_at_meeting(draft, secretary)
    with time_machine.travel(datetime.datetime(2026, 12, 7, 9, 0, tzinfo=CPH), tick=False):
        with assert_unchanged(), pytest.raises(RuleViolation, match="begrundelsen"):
            services.statement_send(statement=draft, by=secretary, late_reason="  ")
        statement = services.statement_send(statement=draft, by=secretary, late_reason="Rådets møde blev flyttet.")
    assert statement.late_reason == "Rådets møde blev flyttet."
    _reader, text = _pdf_text(statement)
    assert "Begrundelse: Rådets møde blev flyttet." in text


def test_on_time_send_stores_no_late_reason(draft, secretary):
    _adopt_at_meeting(draft, secretary)
    statement = services.statement_send(statement=draft, by=secretary, late_reason="ikke nødvendig")
    assert statement.late_reason == ""


def test_sending_twice_is_refused(draft, secretary):
    _adopt_at_meeting(draft, secretary)
    services.statement_send(statement=draft, by=secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="allerede sendt"):
        services.statement_send(statement=draft, by=secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="allerede offentliggjort"):
        services.statement_publish(statement=draft, by=secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="sendt"):
        services.minority_statement_add(statement=draft, members="X", text="Y", by=secretary)


def test_without_automatic_publication_publish_is_a_separate_step(council, draft, secretary):
    _rules(council, publish_statements=False)
    _adopt_at_meeting(draft, secretary)
    statement = services.statement_send(statement=draft, by=secretary)
    assert statement.status == "sent" and statement.published_at is None
    statement = services.statement_publish(statement=statement, by=secretary)
    assert statement.status == "published"


def test_own_initiative_statement_goes_to_the_chosen_committee(council, other_committee, secretary):
    statement = services.statement_create(
        council=council,
        kind="statement",
        title="Udtalelse om danskuddannelse",
        recipient=other_committee,
        case_number="00.01.00-A00-7-26",
        text="Rådet anbefaler aftenhold.",
        by=secretary,
    )
    _adopt_at_meeting(statement, secretary)
    statement = services.statement_send(statement=statement, by=secretary, late_reason="")
    assert statement.sent_to == "oeu@holbaek.invalid" and statement.late_reason == ""
    assert RecordEntry.objects.get(statement=statement).case_number == "00.01.00-A00-7-26"


def test_follow_up_is_registered_and_audited(draft, secretary):
    _adopt_at_meeting(draft, secretary)
    services.statement_send(statement=draft, by=secretary)
    follow_up = services.follow_up_register(
        statement=draft,
        decided_on=datetime.date(2027, 1, 20),
        body="Kommunalbestyrelsen",
        decision="Politikken blev vedtaget med rådets forslag om sprogundervisning.",
        how_used="Forslaget indgår i afsnit 3.",
        by=secretary,
    )
    assert follow_up.statement_id == draft.pk
    assert verbs(draft)[-1] == "statement.follow_up_registered"


def test_letter_uses_the_correction_after_adoption(draft, secretary):
    _adopt_at_meeting(draft, secretary)
    services.statement_correct(
        statement=draft, text="Rettet tekst om sprogundervisning.", note="Stavefejl", by=secretary
    )
    statement = services.statement_send(statement=draft, by=secretary)
    _reader, text = _pdf_text(statement)
    assert "Rettet tekst om sprogundervisning." in text and "Rådet foreslår" not in text


def test_statuses_never_skip_adoption_in_the_database(draft):
    from django.db import IntegrityError, transaction

    with transaction.atomic(), pytest.raises(IntegrityError):
        Statement.objects.filter(pk=draft.pk).update(status="adopted")
    assert WrittenProcedure.objects.count() == 0


def test_secretariat_registers_an_answer_sent_by_email(draft, secretary):
    procedure = services.written_procedure_open(statement=draft, by=secretary)
    mette = Membership.objects.get(person__first_name="Mette")
    answer = services.written_answer_give(procedure=procedure, user=secretary, membership=mette, answer="agree")
    assert (answer.membership, answer.given_by) == (mette, secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="én gang"):
        services.written_answer_give(procedure=procedure, user=secretary, membership=mette, answer="agree")
    # Jonas resigned on 30 June 2026 (membership demo): his answer cannot be registered.
    jonas = Membership.objects.get(person__first_name="Jonas")
    assert jonas.ends_on == datetime.date(2026, 6, 30)
    with assert_unchanged(), pytest.raises(RuleViolation, match="Kun medlemmer"):
        services.written_answer_give(procedure=procedure, user=secretary, membership=jonas, answer="agree")


def test_stored_and_mailed_texts_are_danish_whatever_the_page_language(council, committee, secretary, users):
    from django.utils import translation

    with translation.override("en"):
        consultation = services.consultation_register(
            council=council,
            subject="Budget",
            committee=committee,
            received_on=TODAY,
            deadline=TODAY,
            case_number="1",
            by=secretary,
        )
        statement = services.statement_create(
            council=council, kind="response", title="Svar", consultation=consultation, text="Tekst", by=secretary
        )
        services.urgent_approve(statement=statement, user=users["forperson"])
        services.urgent_approve(statement=statement, user=users["naestforperson"])
        services.statement_send(statement=statement, by=secretary)
    subjects = list(
        RecordEntry.objects.filter(consultation=consultation).order_by("id").values_list("subject", flat=True)
    )
    assert subjects == ["Høring: Budget", "Høringssvar: Svar"]
    statement.refresh_from_db()
    assert statement.decision_reference == "Godkendt af forperson og næstforperson 26.11.2026"


def test_more_refusals_leave_the_database_unchanged(council, draft, secretary, users):
    procedure = services.written_procedure_open(statement=draft, by=secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="ikke alle"):
        services.written_procedure_close(procedure=procedure, by=secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="Ukendt vej"):
        services.statement_plan_route(statement=draft, route="by_lot", by=secretary)
    _rules(council, urgent_procedure_allowed=False)
    with assert_unchanged(), pytest.raises(RuleViolation, match="tillader ikke"):
        services.statement_plan_route(statement=draft, route="urgent", by=secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="Skriv en kommentar"):
        services.draft_comment_add(statement=draft, text=" ", proposed_text="", by=users["medlem"])
    _adopt_at_meeting(draft, secretary)
    with assert_unchanged(), pytest.raises(RuleViolation):
        services.draft_comment_add(statement=draft, text="For sent", by=users["medlem"])
    with assert_unchanged(), pytest.raises(RuleViolation, match="allerede vedtaget"):
        services.statement_plan_route(statement=draft, route="written", by=secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="allerede vedtaget"):
        services.urgent_approve(statement=draft, user=users["forperson"])
    with assert_unchanged(), pytest.raises(RuleViolation, match="før rådets udtalelse"):
        services.follow_up_register(
            statement=draft, decided_on=datetime.date(2026, 11, 1), body="KB", decision="X", by=secretary
        )
    with assert_unchanged(), pytest.raises(RuleViolation, match="Teksten er tom"):
        services.statement_correct(statement=draft, text=" ", note="Tom", by=secretary)


def test_recipient_without_email_cannot_be_sent_to(council, secretary):
    nobody = services.committee_create(municipality=council.municipality, name="Forvaltningen", by=secretary)
    statement = services.statement_create(
        council=council, kind="comment", title="Kommentar", recipient=nobody, text="Tekst", by=secretary
    )
    _adopt_at_meeting(statement, secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="ingen e-mailadresse"):
        services.statement_send(statement=statement, by=secretary)


def test_members_get_the_draft_by_email_after_commit(draft, secretary, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.written_procedure_open(statement=draft, by=secretary)
    assert len(mail.outbox) == 15  # every member in office has an e-mail address in the demo
    message = mail.outbox[0]
    assert message.subject == "Skriftlig procedure: Høringssvar om integrationspolitikken"
    assert "senest 01.12.2026" in message.body
    assert "Rådet foreslår mere sprogundervisning." in message.body


def test_letter_is_in_the_house_language_not_the_page_language(draft, secretary, settings):
    from django.utils import translation

    _adopt_at_meeting(draft, secretary)
    with translation.override("en"):  # the secretary reads the workspace in English
        statement = services.statement_send(statement=draft, by=secretary)
    reader, text = _pdf_text(statement)
    assert "Med venlig hilsen" in text and "Vedrørende høringen »Integrationspolitik 2027–2030«" in text
    assert reader.trailer["/Root"]["/Lang"] == "da"


def test_a_dissent_at_a_meeting_and_on_a_statement_is_stored_alike():
    from raad.core.minority import MINORITY_MEMBERS_MAX_LENGTH
    from raad.meetings.models import MinorityStatement as DecisionMinorityStatement
    from raad.statements.models import MinorityStatement

    for model in (DecisionMinorityStatement, MinorityStatement):
        assert model._meta.get_field("members").max_length == MINORITY_MEMBERS_MAX_LENGTH == 500
        assert str(model._meta.verbose_name) == "mindretalsudtalelse"
