"""The outbox across the apps: the mail server goes down while membership, meetings and statements send
mail; nothing is lost or doubled when it comes back; the desk shows what waits."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
import time_machine
from django.utils import timezone

from raad.core import mail
from raad.core.models import OutgoingMail
from raad.meetings import services as meetings
from raad.meetings.tests.factories import meeting_with_items
from raad.membership import services as membership
from raad.statements import services as statements
from raad.testing.cast import build_cast

CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")


def _changes(cast):
    """One change in each app that sends mail: a notice (meetings), a resignation (membership: vacancy
    mails to the secretariat and the nominating body), a consultation reminder (statements)."""
    meeting = meeting_with_items(cast)
    meetings.meeting_send_notice(meeting=meeting, by=None)
    leaving = cast.members[-1]
    membership.member_resign(membership=leaving, last_day=datetime.date(2026, 11, 30), by=None)
    committee = statements.committee_create(municipality=cast.council.municipality, name="Udvalget", by=None)
    consultation = statements.consultation_register(
        council=cast.council,
        subject="Integrationspolitik",
        committee=committee,
        received_on=datetime.date(2026, 11, 2),
        deadline=datetime.date(2026, 12, 4),
        case_number="1",
        summary="",
        by=None,
    )
    keys = statements.reminders_send(on=datetime.date(2026, 11, 27))
    assert keys == [f"consultation:{consultation.pk}:7"]
    return meeting, leaving


@pytest.mark.smtp
@pytest.mark.django_db(transaction=True)
def test_mail_queued_while_the_smtp_server_is_down_arrives_exactly_once(smtp_server):
    # The story's dates are fixed (a meeting on 10 December 2026, a deadline on 4 December), so its clock is too.
    with time_machine.travel(datetime.datetime(2026, 11, 26, 10, 0, tzinfo=CPH), tick=True):
        _down_and_back(smtp_server)


def _down_and_back(smtp_server):
    cast = build_cast()
    smtp_server.stop()
    meeting, leaving = _changes(cast)
    expected = sorted(OutgoingMail.objects.values_list("to", "subject"))
    members_then = {m.person.email for m in cast.members}
    # 10 notices, 3 vacancy mails (the council's contact address, the seat's nominating body and the board's
    # liaison, R25), 10 members + the contact address for the reminder.
    assert len(expected) == 10 + 3 + 11
    assert cast.liaison.email in {to for to, _subject in expected}
    assert OutgoingMail.objects.filter(sent_at__isnull=True, attempts=1).count() == len(expected)
    assert all(m.last_error for m in OutgoingMail.objects.all())
    assert smtp_server.messages(count=1, timeout=0.5) == []

    smtp_server.start()
    assert mail.deliver_due() == 0  # the backoff: not before the next attempt is due
    later = timezone.now() + datetime.timedelta(minutes=2)
    assert mail.deliver(now=later) == len(expected)
    assert mail.deliver(now=later + datetime.timedelta(hours=1)) == 0  # nothing twice
    received = smtp_server.messages(count=len(expected), timeout=10)
    assert sorted((m["To"], str(m["Subject"]).strip()) for m in received) == expected
    assert len(received) == len(expected)
    notices = [m for m in received if m["To"] in members_then and "Dagsorden" in m["Subject"]]
    assert len(notices) == 10
    assert any(
        f"https://raad.test{meeting.get_absolute_url()}" in m.get_body(("plain",)).get_content() for m in notices
    )
    assert not OutgoingMail.objects.filter(sent_at__isnull=True).exists()
    assert smtp_server.messages(count=len(expected) + 1, timeout=1.0)[len(expected) :] == []


@pytest.mark.django_db
def test_the_desk_shows_mail_that_waits_or_failed():
    cast = build_cast()
    council = cast.council
    mail.queue(
        key="desk:1",
        council=council,
        to="venter@test.invalid",
        template="core/email/plain",
        context={"subject": "Ventende", "body": "x"},
    )
    OutgoingMail.objects.filter(key="desk:1").update(attempts=3, last_error="Connection refused")
    panel = mail.outbox_panel(council, cast.secretary)
    assert panel["count"] == 1
    [row] = panel["rows"]
    assert (row["mail"].to, row["mail"].subject, row["mail"].attempts, row["mail"].last_error, row["failed"]) == (
        "venter@test.invalid",
        "Ventende",
        3,
        "Connection refused",
        False,
    )
    OutgoingMail.objects.filter(key="desk:1").update(attempts=mail.MAX_ATTEMPTS)
    assert mail.outbox_panel(council, cast.secretary)["rows"][0]["failed"] is True
    assert mail.outbox_panel(council, cast.users["medlem"]) is None  # the secretariat's panel only
