"""A call for nominations is previewed before it is sent: every entitled body by name and address and the
e-mail as it goes out; only the confirmation POST opens the call and mails the bodies."""

from __future__ import annotations

import datetime

import time_machine
from django.core import mail as django_mail
from django.utils import timezone

from raad.core.models import OutgoingMail
from raad.membership.models import NominationCall
from raad.membership.selectors import call_entitled_bodies
from raad.testing.cast import log_in_verified

NOW = datetime.datetime(2026, 12, 1, 10, tzinfo=timezone.get_default_timezone())
DATA = {"title": "Nye medlemmer 2027", "deadline": "2027-01-15T12:00", "message": "Skriv gerne før jul.", "seat": ""}


def entitled(cast):
    """Every body with a nominated seat: a call for a new term goes to each."""
    return call_entitled_bodies(NominationCall(council=cast.council))


def calls_url(cast):
    return f"/arbejdsrum/{cast.council.slug}/bemanding/indkaldelser/"


def test_preview_lists_every_body_and_the_mail_and_opens_nothing(client, cast):
    with time_machine.travel(NOW, tick=False):
        log_in_verified(client, cast.secretary)
        response = client.post(calls_url(cast), DATA)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kontrollér indkaldelsen" in page
    bodies = entitled(cast)
    assert len(bodies) >= 3
    for body in bodies:
        assert f"{body.name}</th>" in page and body.contact_email in page
    assert "Nye medlemmer 2027" in page and "Skriv gerne før jul." in page  # the mail as it will be sent
    assert f"Send indkaldelsen til {len(bodies)} organisationer" in page
    assert not NominationCall.objects.filter(title=DATA["title"]).exists() and not OutgoingMail.objects.exists()


def test_confirmation_opens_the_call_and_mails_every_body(client, cast, django_capture_on_commit_callbacks):
    with time_machine.travel(NOW, tick=False), django_capture_on_commit_callbacks(execute=True):
        log_in_verified(client, cast.secretary)
        response = client.post(calls_url(cast), {**DATA, "confirm": "yes"})
    call = NominationCall.objects.get(title=DATA["title"])
    assert response.status_code == 302 and response["Location"] == f"{calls_url(cast)}{call.pk}/"
    assert sorted(m.to[0] for m in django_mail.outbox) == sorted(b.contact_email for b in entitled(cast))


def test_edit_shows_the_form_again_with_what_was_typed(client, cast):
    with time_machine.travel(NOW, tick=False):
        log_in_verified(client, cast.secretary)
        response = client.post(calls_url(cast), {**DATA, "confirm": "yes", "edit": "1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Nye medlemmer 2027"' in page and "Skriv gerne før jul.</textarea>" in page
    assert not NominationCall.objects.filter(title=DATA["title"]).exists()


def test_a_refused_call_shows_the_rule_before_any_preview(client, cast):
    with time_machine.travel(NOW, tick=False):
        log_in_verified(client, cast.secretary)
        response = client.post(calls_url(cast), {**DATA, "deadline": "2026-11-30T12:00"})
    assert response.status_code == 400
    assert "Fristen skal ligge i fremtiden." in response.content.decode()
    assert not NominationCall.objects.filter(title=DATA["title"]).exists()
