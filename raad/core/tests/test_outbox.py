"""The one outbox (raad.core.mail): queued in the change's transaction, delivered after commit by a task,
claimed once, retried with backoff, suppressible, links from SITE_URL, language per recipient."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core import mail as django_mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from raad.core import mail
from raad.core.i18n import recipient_language
from raad.core.links import absolute_url
from raad.core.models import OutgoingMail


def _queue(key="test:1", to="a@test.invalid", **extra):
    return mail.queue(
        key=key,
        to=to,
        template="core/email/plain",
        context={"subject": "Emne & mere", "body": "Tekst"},
        **extra,
    )


@pytest.mark.django_db(transaction=True)
def test_mail_is_delivered_after_commit_once_per_key():
    with transaction.atomic():
        first = _queue()
        assert _queue() is None  # the same key again: nothing more
        assert django_mail.outbox == []  # nothing leaves before the commit
    assert [m.subject for m in django_mail.outbox] == ["Emne & mere"]  # plain text: no HTML escaping
    first.refresh_from_db()
    assert first.sent_at is not None and first.attempts == 1 and first.last_error == ""
    assert mail.deliver_due() == 0  # never twice


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_sends_nothing():
    with pytest.raises(RuntimeError), transaction.atomic():
        _queue()
        raise RuntimeError
    assert not OutgoingMail.objects.exists() and django_mail.outbox == []


@pytest.mark.django_db
def test_suppressed_queues_nothing():
    with mail.suppressed():
        assert _queue() is None
    assert not OutgoingMail.objects.exists()
    assert _queue() is not None


@pytest.mark.django_db
def test_a_claimed_mail_is_not_sent_by_a_second_worker():
    queued = _queue()
    now = timezone.now()
    OutgoingMail.objects.filter(pk=queued.pk).update(claimed_until=now + datetime.timedelta(minutes=5))
    assert mail.deliver(now=now) == 0 and django_mail.outbox == []
    # A worker that died mid-send loses its claim after CLAIM_FOR; the mail is then sent.
    assert mail.deliver(now=now + datetime.timedelta(minutes=6)) == 1
    assert len(django_mail.outbox) == 1


@pytest.mark.django_db
def test_failures_back_off_exponentially_and_stop_after_max_attempts(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1  # nothing listens
    queued = _queue()
    now = timezone.now()
    waits = []
    for _attempt in range(mail.MAX_ATTEMPTS):
        assert mail.deliver(now=now) == 0
        queued.refresh_from_db()
        waits.append(queued.next_attempt_at - now)
        now = queued.next_attempt_at + datetime.timedelta(seconds=1)
    assert queued.attempts == mail.MAX_ATTEMPTS and queued.last_error and queued.sent_at is None
    assert [round(w.total_seconds() / 60) for w in waits[:4]] == [1, 2, 4, 8]
    assert max(waits) <= mail.LONGEST_WAIT + datetime.timedelta(seconds=5)
    assert mail.has_failed(queued)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert mail.deliver(now=now + datetime.timedelta(days=1)) == 0  # given up: the desk shows it


@pytest.mark.django_db
def test_attachments_cc_and_reply_to_are_kept_until_delivery():
    _queue(
        cc=["kopi@test.invalid"], reply_to="raad@test.invalid", attachments=[("a.pdf", b"%PDF-1", "application/pdf")]
    )
    assert mail.deliver_due() == 1
    [message] = django_mail.outbox
    assert message.cc == ["kopi@test.invalid"] and message.reply_to == ["raad@test.invalid"]
    assert message.attachments[0][0] == "a.pdf" and message.attachments[0][1] == b"%PDF-1"


def test_absolute_url_uses_site_url(settings):
    settings.SITE_URL = "https://raad.holbaek.dk"
    assert absolute_url("/arbejdsrum/") == "https://raad.holbaek.dk/arbejdsrum/"

    class Page:
        def get_absolute_url(self):
            return "/moeder/1/"

    assert absolute_url(Page()) == "https://raad.holbaek.dk/moeder/1/"
    with pytest.raises(ValueError):
        absolute_url("relative/path")


def test_recipient_language_falls_back_to_the_council_language(settings):
    class Person:
        language = "en"

    class Nobody:
        pass

    assert recipient_language(Person()) == "en"
    assert recipient_language(Nobody()) == settings.LANGUAGE_CODE == "da"

    class Unknown:
        language = "xx"

    assert recipient_language(Unknown()) == "da"


@pytest.mark.django_db
def test_mail_is_rendered_in_the_recipients_language():
    class English:
        language = "en"

    queued = mail.queue(
        key="lang:1",
        to="en@test.invalid",
        recipient=English(),
        template="membership/email/vacancy",
        context={"membership": None, "council": {"name": "Rådet"}, "body": None},
    )
    assert queued.language == "en"
    danish = mail.queue(
        key="lang:2",
        to="da@test.invalid",
        template="membership/email/confirm_request",
        context={"council": {"name": "Rådet"}, "nomination": None, "person": None, "who": "candidate", "url": "x"},
    )
    assert danish.language == "da" and danish.subject == "Bekræft din indstilling til Rådet"


@pytest.mark.django_db
def test_deliver_mail_command_is_idempotent():
    _queue()
    out = io.StringIO()
    call_command("deliver_mail", stdout=out)
    call_command("deliver_mail", stdout=out)
    assert out.getvalue().splitlines() == ["1 e-mails sent.", "0 e-mails sent."]
    assert len(django_mail.outbox) == 1
