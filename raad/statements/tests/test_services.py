"""Every transition, and every refusal leaving the database unchanged."""

import datetime
import io
import zoneinfo

import pypdf
import pytest
import time_machine
from django.core import mail

from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry
from raad.councils.selectors import rules_in_force
from raad.meetings.models import Meeting
from raad.membership.models import Membership
from raad.statements import services
from raad.statements.models import JournalEntry, Statement, StatementVersion, WrittenProcedure
from raad.testing import assert_unchanged
from raad.testing.cast import login_for

from .conftest import adopt_at_meeting, meeting_decision

CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")
TODAY = datetime.date(2026, 11, 26)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 26, 10, 0, tzinfo=CPH), tick=False):
        yield


def verbs(target=None):
    qs = AuditEntry.objects.all()
    if target is not None:
        from django.contrib.contenttypes.models import ContentType

        qs = qs.filter(target_id=str(target.pk), target_type=ContentType.objects.get_for_model(target))
    return list(qs.order_by("id").values_list("verb", flat=True))


def _rules(council, **changes):
    """Change the rules in force for a test (a new version is how it happens in real life; this is a shortcut)."""
    version = rules_in_force(council)
    for name, value in changes.items():
        setattr(version, name, value)
    version.save()


def _adopt_at_meeting(statement, secretary):
    return adopt_at_meeting(statement, by=secretary)


# --------------------------------------------------------------------------- registering


def test_register_consultation_journalises_and_audits(consultation, secretary):
    entry = JournalEntry.objects.get(consultation=consultation)
    assert (entry.direction, entry.entry_date, entry.case_number) == (
        "in",
        datetime.date(2026, 11, 2),
        "27.00.00-P15-3-26",
    )
    assert entry.subject == "Høring: Integrationspolitik 2027–2030"
    assert verbs(consultation) == ["consultation.registered"]


def test_register_consultation_refuses_deadline_before_receipt_and_missing_case_number(council, committee, secretary):
    with assert_unchanged(), pytest.raises(RuleViolation) as error:
        services.consultation_register(
            council=council,
            subject="X",
            committee=committee,
            received_on=TODAY,
            deadline=TODAY - datetime.timedelta(days=1),
            case_number=" ",
            by=secretary,
        )
    assert len(error.value.messages) == 2


def test_document_type_is_checked_by_content(consultation, secretary):
    doc = services.consultation_document_add(
        consultation=consultation, title="Udkast", filename="politik.pdf", data=b"%PDF-1.7\n...", by=secretary
    )
    assert (doc.content_type, doc.size, doc.file.name.endswith(".pdf")) == ("application/pdf", 12, True)
    with assert_unchanged(), pytest.raises(RuleViolation, match="Filtypen"):
        # A program renamed to .pdf is refused.
        services.consultation_document_add(
            consultation=consultation, title="Ondt", filename="politik.pdf", data=b"MZ\x90\x00 not a pdf", by=secretary
        )


def test_document_size_limit(consultation, secretary, settings):
    settings.MAX_UPLOAD_BYTES = 1024 * 1024
    with assert_unchanged(), pytest.raises(RuleViolation, match="for stor"):
        services.consultation_document_add(
            consultation=consultation,
            title="Stor",
            filename="a.pdf",
            data=b"%PDF-" + b"0" * (1024 * 1024),
            by=secretary,
        )


def test_cpr_numbers_are_masked_before_storage(council, consultation, secretary):
    statement = services.statement_create(
        council=council,
        kind="response",
        title="Svar",
        consultation=consultation,
        text="Borgeren 010190-1234 skrev til os.",
        by=secretary,
    )
    assert statement.versions.get().text == "Borgeren XXXXXX-XXXX skrev til os."


# --------------------------------------------------------------------------- drafting


def test_every_saved_version_is_kept_and_audited(draft, secretary):
    services.statement_version_save(statement=draft, text="Rådet støtter varmt politikken.", by=secretary)
    assert list(draft.versions.values_list("number", flat=True)) == [1, 2]
    assert verbs(draft) == ["statement.created", "statement.version_saved", "statement.version_saved"]


def test_a_version_cannot_be_changed(draft):
    version = draft.versions.get()
    version.text = "Ændret i smug"
    with pytest.raises(PermissionError):
        version.save()


def test_response_needs_a_consultation(council, committee, secretary):
    with assert_unchanged(), pytest.raises(RuleViolation):
        services.statement_create(
            council=council, kind="response", title="Svar uden høring", recipient=committee, by=secretary
        )


def test_members_comment_on_the_latest_version(draft, users):
    comment = services.draft_comment_add(
        statement=draft, text="Nævn lektiecaféerne.", proposed_text="…", by=users["medlem"]
    )
    assert comment.version.number == 1


# --------------------------------------------------------------------------- adoption


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


# --------------------------------------------------------------------------- sending and publishing


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
    entry = JournalEntry.objects.get(statement=statement)
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
    assert JournalEntry.objects.get(statement=statement).case_number == "00.01.00-A00-7-26"


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
        JournalEntry.objects.filter(consultation=consultation).order_by("id").values_list("subject", flat=True)
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
