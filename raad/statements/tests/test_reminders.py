import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command

from raad.statements import services
from raad.statements.models import ReminderSent, WrittenProcedure

from .conftest import adopt_at_meeting

D = datetime.date


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def run_on(day):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            keys = services.reminders_send(on=day)
        return keys

    return run_on


def test_consultation_reminders_at_the_rules_days_each_once(consultation, run):
    # Deadline 4 December; Holbæk's rules remind 7 and 2 days before.
    assert run(D(2026, 11, 26)) == []
    assert run(D(2026, 11, 27)) == [f"consultation:{consultation.pk}:7"]
    assert len(mail.outbox) == 16  # 15 members with an e-mail address and the secretariat
    assert mail.outbox[0].subject == "Påmindelse: høringsfrist 04.12.2026 – Integrationspolitik 2027–2030"
    assert all(len(m.to) == 1 for m in mail.outbox)  # members do not see each other's addresses
    assert run(D(2026, 11, 27)) == [] and mail.outbox == []  # never twice
    assert run(D(2026, 11, 28)) == []
    assert run(D(2026, 12, 2)) == [f"consultation:{consultation.pk}:2"]
    assert run(D(2026, 12, 3)) == []
    assert run(D(2026, 12, 5)) == []


def test_reminder_days_come_from_the_rules_in_force(council, consultation, run):
    from raad.councils.selectors import rules_in_force

    version = rules_in_force(council)
    version.consultation_first_reminder_days = 10
    version.save()
    assert run(D(2026, 11, 24)) == [f"consultation:{consultation.pk}:10"]


def test_answered_consultations_get_no_reminder(draft, secretary, run):
    adopt_at_meeting(draft, by=secretary, day=D(2026, 11, 24))
    services.statement_send(statement=draft, by=secretary, on=D(2026, 11, 26))
    assert run(D(2026, 11, 27)) == []


def test_written_procedure_last_day_and_closing(draft, secretary, users, run):
    procedure = services.written_procedure_open(statement=draft, by=secretary, on=D(2026, 11, 26))
    services.written_answer_give(procedure=procedure, user=users["medlem"], answer="agree", on=D(2026, 11, 27))
    keys = run(D(2026, 12, 1))
    assert f"written:{procedure.pk}:last_day" in keys
    written = [m for m in mail.outbox if m.subject.startswith("Sidste dag")]
    assert len(written) == 14  # everyone but Ahmad, who answered
    assert "ahmad@test.invalid" not in [m.to[0] for m in written]
    assert run(D(2026, 12, 1)) == []
    keys = run(D(2026, 12, 2))
    assert [k for k in keys if k.startswith("written:")] == [f"written:{procedure.pk}:closed"]
    procedure.refresh_from_db()
    assert (procedure.status, procedure.result) == ("closed", "not_quorate")
    closed = [
        m for m in mail.outbox if m.subject == "Skriftlig procedure afsluttet: Høringssvar om integrationspolitikken"
    ]
    assert len(closed) == 16 and "Resultat: For få svar." in closed[0].body
    assert run(D(2026, 12, 2)) == [] and run(D(2026, 12, 3)) == []


def test_command_is_a_thin_idempotent_wrapper(consultation):
    out = io.StringIO()
    call_command("send_statement_reminders", "--date", "2026-11-27", stdout=out)
    assert f"sent consultation:{consultation.pk}:7" in out.getvalue()
    call_command("send_statement_reminders", "--date", "2026-11-27", stdout=out)
    assert ReminderSent.objects.count() == 1
    assert WrittenProcedure.objects.count() == 0


@pytest.mark.smtp
def test_sent_letter_reaches_a_real_smtp_server(draft, secretary, smtp_server, django_capture_on_commit_callbacks):
    adopt_at_meeting(draft, by=secretary, day=D(2026, 11, 24))
    with django_capture_on_commit_callbacks(execute=True):
        services.statement_send(statement=draft, by=secretary, on=D(2026, 11, 26))
    [message] = smtp_server.messages(1)
    assert message["To"] == "sosu@holbaek.invalid"
    # Django folds a long non-ASCII subject right after "Subject:", which parses with one leading space.
    assert (
        message["Subject"].strip()
        == "Høringssvar fra Integrationsrådet i Holbæk Kommune: Høringssvar om integrationspolitikken"
    )
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content().startswith(b"%PDF-")


def test_reminders_read_a_fixed_number_of_queries_however_many_consultations(council, committee, secretary):
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    def add(n):
        for i in range(n):
            services.consultation_register(
                council=council,
                subject=f"Høring {i}",
                committee=committee,
                received_on=D(2026, 11, 2),
                deadline=D(2026, 12, 4),  # the 7-day reminder is due on 27 November
                case_number=str(i),
                summary="",
                by=secretary,
            )

    def reads():
        """The queries of one run, apart from the writes of each reminder (its record, its mails)."""
        with transaction.atomic(), CaptureQueriesContext(connection) as queries:
            keys = services.reminders_send(on=D(2026, 11, 27))
            transaction.set_rollback(True)
        writes = ("statements_remindersent", "core_outgoingmail", "SAVEPOINT")
        return len(keys), sum(1 for q in queries if not any(w in q["sql"] for w in writes))

    add(1)
    due, one = reads()
    assert due == 1
    add(4)
    assert reads() == (5, one)
