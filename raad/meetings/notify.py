"""E-mails about meetings: queued inside the service's transaction, sent after commit, retried, never twice.

Each mail has a unique key (what, which object, which recipient): queueing the same key again does
nothing, and a mail is claimed (sent_at set) before it is handed to the mail server, so two workers
cannot both send it. A failure releases the claim and records the error; `send_meeting_mail` retries.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Iterable, Iterator

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from raad.councils.models import Council
from raad.meetings.models import OutgoingMail

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 10
_suppressed: contextvars.ContextVar[bool] = contextvars.ContextVar("meetings_mail_suppressed", default=False)


@contextlib.contextmanager
def suppressed() -> Iterator[None]:
    """No e-mails queued inside this block (demo data describes the past; nobody should be mailed)."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def queue(*, council: Council | int, key: str, to: str, template: str, context: dict) -> OutgoingMail | None:
    """Queue one e-mail (rendered now, in Danish) unless the same key was queued before."""
    if not to or _suppressed.get():
        return None
    with translation.override("da"):
        subject = render_to_string(f"meetings/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"meetings/email/{template}.txt", context)
    council_id = council if isinstance(council, int) else council.pk
    mail, created = OutgoingMail.objects.get_or_create(
        key=key[:200], defaults={"council_id": council_id, "to": to, "subject": subject[:300], "body": body}
    )
    if created:
        transaction.on_commit(lambda: deliver([mail.pk]))
    return mail if created else None


def deliver(ids: Iterable[int]) -> int:
    """Send the given queued mails that are not sent yet. Returns how many were sent."""
    sent = 0
    for mail in OutgoingMail.objects.filter(pk__in=list(ids), sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS):
        claimed = OutgoingMail.objects.filter(pk=mail.pk, sent_at__isnull=True).update(sent_at=timezone.now())
        if not claimed:
            continue
        try:
            send_mail(mail.subject, mail.body, None, [mail.to], fail_silently=False)
        except Exception as error:  # noqa: BLE001  (any transport error: keep the mail for a retry)
            log.warning("Mail %s to %s failed: %s", mail.key, mail.to, error)
            OutgoingMail.objects.filter(pk=mail.pk).update(
                sent_at=None, attempts=mail.attempts + 1, last_error=str(error)[:1000]
            )
        else:
            OutgoingMail.objects.filter(pk=mail.pk).update(attempts=mail.attempts + 1, last_error="")
            sent += 1
    return sent


def deliver_pending() -> int:
    ids = OutgoingMail.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS).values_list("pk", flat=True)
    return deliver(list(ids))
