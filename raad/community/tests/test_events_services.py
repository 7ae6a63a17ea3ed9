"""Events services: capacity and the waiting list, the signed cancel link, the deadline, reminders and
retention (both idempotent), cancel and move mails in the registrant's language, photos with consent."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail as django_mail
from django.core import signing
from django.core.management import call_command
from django.utils import timezone

from raad.community import event_links
from raad.community.models import Event, EventRegistration
from raad.community.services import events as services
from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry, OutgoingMail
from raad.councils.selectors import rules_in_force
from raad.testing import assert_unchanged

from .event_helpers import make_association, make_event, make_room, register

pytestmark = pytest.mark.django_db
R = EventRegistration.Status


def _mails(to):
    return list(OutgoingMail.objects.filter(to=to).order_by("id"))


def test_seats_are_given_until_capacity_then_refused_or_waiting(cast):
    event = make_event(cast.council, cast.secretary, capacity=3)
    first = register(event, seats=2)
    assert first.status == R.REGISTERED
    with assert_unchanged(), pytest.raises(RuleViolation, match="Der er kun 1 plads tilbage"):
        register(event, name="Bent", email="bent@test.invalid", seats=2)
    waiting = register(event, name="Bent", email="bent@test.invalid", seats=2, waiting_list=True)
    assert waiting.status == R.WAITING
    register(event, name="Karin", email="karin@test.invalid", seats=1)
    with pytest.raises(RuleViolation, match="Arrangementet er fuldt"):
        register(event, name="Ole", email="ole@test.invalid")
    assert services.seats_held(event) == 3
    assert "ventelisten" in _mails("bent@test.invalid")[0].subject


def test_cancel_promotes_the_first_waiting_exactly_once(cast):
    event = make_event(cast.council, cast.secretary, capacity=2)
    holder = register(event, seats=2)
    first = register(event, name="Yusuf", email="yusuf@test.invalid", waiting_list=True, language="ar")
    second = register(event, name="Olena", email="olena@test.invalid", waiting_list=True)
    services.registration_cancel(registration=holder)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (R.REGISTERED, R.REGISTERED)
    promoted = [m for m in _mails("yusuf@test.invalid") if m.key.startswith("event-promoted")]
    assert len(promoted) == 1 and promoted[0].language == "ar"
    # Cancelling again changes nothing and promotes nobody twice.
    with pytest.raises(RuleViolation, match="allerede afmeldt"):
        services.registration_cancel(registration=holder)
    assert OutgoingMail.objects.filter(key__startswith="event-promoted").count() == 2


def test_waiting_list_keeps_its_order_when_the_first_does_not_fit(cast):
    event = make_event(cast.council, cast.secretary, capacity=2)
    a = register(event, name="A", email="a@test.invalid")
    register(event, name="B", email="b@test.invalid")
    big = register(event, name="C", email="c@test.invalid", seats=2, waiting_list=True)
    small = register(event, name="D", email="d@test.invalid", waiting_list=True)
    services.registration_cancel(registration=a)
    big.refresh_from_db()
    small.refresh_from_db()
    assert (big.status, small.status) == (R.WAITING, R.WAITING)


def test_the_signed_cancel_link_names_the_registration_and_refuses_forgeries(cast):
    event = make_event(cast.council, cast.secretary)
    registration = register(event)
    # The token in the receipt (signed with a timestamp, so read from the mail rather than made again here)
    [token] = re.findall(r"/arrangementer/tilmelding/([^/\s]+)/", _mails("hanne@test.invalid")[0].body)
    assert event_links.read_registration_token(token) == registration.pk
    with pytest.raises(signing.BadSignature):
        event_links.read_registration_token(token[:-2] + "xx")


def test_deadline_passed_is_refused_with_a_clear_message(cast):
    event = make_event(cast.council, cast.secretary)
    Event.objects.filter(pk=event.pk).update(registration_deadline=timezone.now() - datetime.timedelta(hours=1))
    event.refresh_from_db()
    with assert_unchanged(), pytest.raises(RuleViolation, match="Tilmeldingsfristen er overskredet"):
        register(event)


def test_a_registration_needs_a_name_and_an_email_or_phone(cast):
    event = make_event(cast.council, cast.secretary)
    with assert_unchanged(), pytest.raises(RuleViolation) as refused:
        services.registration_create(event=event, name="", email="", phone="")
    assert refused.value.messages == ["Skriv dit navn.", "Skriv din e-mailadresse eller dit telefonnummer."]
    by_phone = services.registration_create(event=event, name="Bent", phone="22 33 44 55")
    assert by_phone.status == R.REGISTERED and not OutgoingMail.objects.exists()


def test_reminders_go_once_within_the_rules_days(cast):
    days = rules_in_force(cast.council).event_reminder_days
    soon = make_event(cast.council, cast.secretary, days=days)
    later = make_event(cast.council, cast.secretary, days=days + 3)
    register(soon)
    register(later, name="Karin", email="karin@test.invalid")
    call_command("event_reminders", stdout=None)
    call_command("event_reminders", stdout=None)
    assert OutgoingMail.objects.filter(key__startswith="event-reminder").count() == 1
    assert OutgoingMail.objects.get(key__startswith="event-reminder").to == "hanne@test.invalid"


def test_retention_erases_personal_data_once_and_keeps_counts(cast):
    event = make_event(cast.council, cast.secretary, days=1)
    registration = register(event, seats=3, interpreter_language="ar", needs_childcare=True)
    ended = timezone.now() - datetime.timedelta(days=400)
    Event.objects.filter(pk=event.pk).update(starts_at=ended, ends_at=ended + datetime.timedelta(hours=2))
    assert services.registrations_erase_expired() == 1
    assert services.registrations_erase_expired() == 0
    registration.refresh_from_db()
    assert (registration.name, registration.email, registration.interpreter_language) == ("", "", "")
    assert registration.needs_childcare is False and registration.seats == 3 and registration.erased_at
    journal = " ".join(str(e.changes) for e in AuditEntry.objects.filter(verb__startswith="event."))
    assert "Hanne" not in journal and "hanne@test.invalid" not in journal


def test_retention_leaves_recent_events_alone(cast):
    event = make_event(cast.council, cast.secretary, days=1)
    register(event)
    assert services.registrations_erase_expired() == 0


def test_cancel_and_move_mail_everyone_registered_in_their_language(cast):
    room = make_room(cast.council)
    event = make_event(cast.council, cast.secretary, capacity=1)
    register(event, language="en")
    register(event, name="Yusuf", email="yusuf@test.invalid", waiting_list=True, language="ar")
    data = {
        "title": event.title,
        "starts_at": event.starts_at + datetime.timedelta(days=1),
        "ends_at": None,
        "room": room,
        "registration_required": True,
        "capacity": 1,
    }
    services.event_update(event=event, data=data, by=cast.secretary)
    services.event_update(event=event, data=data, by=cast.secretary)  # unchanged: no second mail
    moved = OutgoingMail.objects.filter(key__startswith="event-moved")
    assert sorted(m.language for m in moved) == ["ar", "en"]
    assert "Klosterstræde 13" in moved.get(language="en").body
    services.event_cancel(event=event, reason="Sygdom", by=cast.secretary)
    cancelled = OutgoingMail.objects.filter(key__startswith="event-cancelled")
    assert sorted(m.to for m in cancelled) == ["hanne@test.invalid", "yusuf@test.invalid"]
    assert cancelled.get(language="en").subject == "Cancelled: Sprogcafé"
    assert "Sygdom" in cancelled.get(language="ar").body


def test_co_organisers_must_be_listed_associations(cast):
    pending = make_association(cast.council, "Afventende Forening", status="pending")
    with assert_unchanged(), pytest.raises(RuleViolation, match="optagne foreninger"):
        make_event(cast.council, cast.secretary, publish=False, co_organisers=[pending])


def test_photos_need_consent_and_withdrawal_hides_without_deleting(cast):
    event = make_event(cast.council, cast.secretary, days=-1, registration_required=False, capacity=None)
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    with pytest.raises(RuleViolation, match="samtykke"):
        services.photo_add(
            event=event, data=png, description="Fælles", consent_statement="", consent_given=False, by=cast.secretary
        )
    with pytest.raises(RuleViolation, match="Filtypen"):
        services.photo_add(
            event=event,
            data=b"GIF89a" + b"\x00" * 20,
            description="F",
            consent_statement="Mundtligt",
            consent_given=True,
            by=cast.secretary,
        )
    photo = services.photo_add(
        event=event,
        data=png,
        description="Fælles",
        consent_statement="Alle sagde ja",
        consent_given=True,
        by=cast.secretary,
    )
    services.photo_withdraw_consent(photo=photo, by=cast.secretary)
    photo.refresh_from_db()
    assert photo.consent_withdrawn_at is not None and photo.file
    assert django_mail.outbox == []


def test_public_texts_have_cpr_numbers_masked(cast):
    event = make_event(cast.council, cast.secretary, description="Kontakt 010203-1234 for spørgsmål.")
    assert "010203-1234" not in event.description and "for spørgsmål." in event.description
