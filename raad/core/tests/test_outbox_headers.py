"""The outbox carries extra headers (List-Unsubscribe, RFC 8058) to the mail server, and forgets a recipient:
unsent mail dropped, sent mail kept without the address."""

from __future__ import annotations

import pytest
from django.core import mail as django_mail

from raad.core import mail
from raad.core.models import OutgoingMail

HEADERS = {"List-Unsubscribe": "<https://raad.test/afmeld/x/>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def _queue(key: str, to: str = "a@test.invalid", **extra):
    return mail.queue(
        key=key, to=to, template="core/email/plain", context={"subject": "Emne", "body": "Tekst"}, **extra
    )


@pytest.mark.django_db
def test_extra_headers_are_stored_and_sent_with_the_mail():
    _queue("headers:1", headers=HEADERS)
    _queue("headers:2")
    assert mail.deliver() == 2
    with_headers, plain = sorted(django_mail.outbox, key=lambda m: len(m.extra_headers), reverse=True)
    message = with_headers.message()
    assert message["List-Unsubscribe"] == "<https://raad.test/afmeld/x/>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert plain.message()["List-Unsubscribe"] is None


@pytest.mark.django_db
def test_forget_recipient_drops_unsent_mail_and_erases_the_address_of_sent_mail():
    _queue("subscription:7:a", to="gone@test.invalid", headers=HEADERS)
    mail.deliver()
    _queue("subscription:7:b", to="gone@test.invalid")
    _queue("subscription:70:a", to="stays@test.invalid")
    assert mail.forget_recipient(key_prefixes=["subscription:7:"]) == 2
    assert list(OutgoingMail.objects.order_by("key").values_list("key", "to", "headers")) == [
        ("subscription:70:a", "stays@test.invalid", {}),
        ("subscription:7:a", "", {}),
    ]
    assert mail.forget_recipient(key_prefixes=[]) == 0
