"""The outbox: every e-mail Råd sends goes through here (see docs/kernel-mail.md).

- `queue(...)` is called by a service inside its transaction. It renders the mail now, in the recipient's
  language (else the council's), and stores it in `core.OutgoingMail` under a unique key: queueing the same
  key again does nothing, and a rolled-back change leaves no mail.
- After commit a django-tasks task (`deliver_task`) delivers the new mails. With the immediate backend
  it runs in the same process right after the commit; with the database backend a `db_worker` runs it.
- `deliver()` claims each mail with a conditional UPDATE (`claimed_until`) before it talks to the mail
  server, so two workers never send the same mail; a failure releases the claim, records the error and
  sets `next_attempt_at` further out each time (exponential backoff) until `MAX_ATTEMPTS`.
- `manage.py deliver_mail` (cron, every few minutes) sends whatever is due: the retries, and mail whose
  task never ran. Idempotent.
- `suppressed()`: nothing is queued inside the block (demo data, imports describe the past).
- `batch()`: the mails queued inside the block are stored together in three queries (keys already there,
  one insert, their ids) instead of four each: a notice to fifteen members costs what a notice to one does.
"""

from __future__ import annotations

import base64
import contextlib
import contextvars
import datetime
import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template import Context
from django.template.loader import get_template
from django.utils import timezone
from django_tasks import task

from raad.core.i18n import in_recipient_language, recipient_language
from raad.core.models import OutgoingMail

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
FIRST_RETRY = datetime.timedelta(minutes=1)  # then 2, 4, 8 … minutes
LONGEST_WAIT = datetime.timedelta(hours=6)
CLAIM_FOR = datetime.timedelta(minutes=5)  # a worker that died mid-send releases its claim after this

_suppressed: contextvars.ContextVar[bool] = contextvars.ContextVar("raad_mail_suppressed", default=False)
_batch: contextvars.ContextVar[list[OutgoingMail] | None] = contextvars.ContextVar("raad_mail_batch", default=None)


@contextlib.contextmanager
def suppressed() -> Iterator[None]:
    """No e-mail is queued inside this block: demo data and imports describe the past, nobody is mailed."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def is_suppressed() -> bool:
    return _suppressed.get()


@contextlib.contextmanager
def batch() -> Iterator[None]:
    """Store every mail queued inside the block at its end, together (call it inside the service's
    transaction). Inside the block `queue()` returns the mail unsaved, and a key queued before is only
    dropped at the end; an exception in the block stores nothing."""
    pending: list[OutgoingMail] = []
    token = _batch.set(pending)
    try:
        yield
    finally:
        _batch.reset(token)
    _store_many(pending)


def _store_many(mails: list[OutgoingMail]) -> None:
    if not mails:
        return
    seen = set(OutgoingMail.objects.filter(key__in={m.key for m in mails}).values_list("key", flat=True))
    new = []
    for mail in mails:
        if mail.key not in seen:
            seen.add(mail.key)
            new.append(mail)
    if not new:
        return
    # ignore_conflicts: a key another transaction queued meanwhile stays theirs (delivery is claimed once).
    OutgoingMail.objects.bulk_create(new, ignore_conflicts=True)
    ids = list(OutgoingMail.objects.filter(key__in=[m.key for m in new]).values_list("pk", flat=True))
    transaction.on_commit(lambda: _enqueue(ids))


def queue(
    *,
    key: str,
    to: str,
    template: str,
    context: dict[str, Any],
    council: Any = None,
    recipient: Any = None,
    reply_to: str = "",
    cc: Sequence[str] = (),
    attachments: Sequence[tuple[str, bytes, str]] = (),
    headers: dict[str, str] | None = None,
) -> OutgoingMail | None:
    """Queue one e-mail, delivered after the current transaction commits. Returns None when nothing was
    queued: no address, mail suppressed, or this key was queued before.

    `key` names what, about which object, to whom ("notice:12:34"); it makes queueing idempotent.
    `template` is a template path without ".txt": `<template>_subject.txt` and `<template>.txt` are
    rendered in `recipient`'s language when one is recorded, else in `council`'s official language.
    `council` is a Council or its id (the desk shows the council's waiting mail).
    `headers` are extra message headers sent with the mail, e.g. `List-Unsubscribe` (RFC 2369/8058).
    """
    if not to or _suppressed.get():
        return None
    council_id = council if isinstance(council, int) or council is None else council.pk
    language, subject, body = render(template=template, context=context, council=council, recipient=recipient)
    fields = {
        "council_id": council_id,
        "to": to,
        "cc": [address for address in cc if address],
        "reply_to": reply_to or "",
        "language": language,
        "subject": subject[:300],
        "body": body,
        "attachments": [
            {"name": name, "mimetype": mimetype, "content": base64.b64encode(content).decode("ascii")}
            for name, content, mimetype in attachments
        ],
        "headers": {str(name): str(value) for name, value in (headers or {}).items()},
        "next_attempt_at": timezone.now(),
    }
    pending = _batch.get()
    if pending is not None:
        mail = OutgoingMail(key=key[:200], **fields)
        pending.append(mail)
        return mail
    mail, created = OutgoingMail.objects.get_or_create(key=key[:200], defaults=fields)
    if not created:
        return None
    mail_id = mail.pk
    transaction.on_commit(lambda: _enqueue([mail_id]))
    return mail


def render(
    *, template: str, context: dict[str, Any], council: Any = None, recipient: Any = None
) -> tuple[str, str, str]:
    """(language, subject, body) of the mail `queue` would store: what a preview page shows before sending."""
    language = recipient_language(recipient, None if isinstance(council, int) else council)
    with in_recipient_language(recipient, None if isinstance(council, int) else council):
        subject = " ".join(_render(f"{template}_subject.txt", context).split())
        body = _render(f"{template}.txt", context)
    return language, subject, body


def _render(name: str, context: dict[str, Any]) -> str:
    """A plain-text template, without HTML escaping ("&" stays "&" in a subject or a name)."""
    return get_template(name).template.render(Context(context, autoescape=False))  # type: ignore[attr-defined]


def _enqueue(ids: list[int]) -> None:
    """Hand the ids to the task backend. Never raises: whatever is not delivered now, cron sends later."""
    try:
        deliver_task.enqueue(mail_ids=ids)
    except Exception:  # noqa: BLE001  (the mail is safe in the table; deliver_mail retries it)
        log.exception("Could not enqueue delivery of mails %s; `manage.py deliver_mail` will send them.", ids)


@task()
def deliver_task(mail_ids: list[int]) -> int:
    """The django-tasks task: deliver these mails if they are due (after commit, once per queue call)."""
    return deliver(ids=mail_ids)


def due(now: datetime.datetime | None = None) -> QuerySet[OutgoingMail]:
    """Mails to send now: not sent, attempts left, their time has come, nobody holds a live claim."""
    now = now or timezone.now()
    return OutgoingMail.objects.filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now),
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now),
        sent_at__isnull=True,
        attempts__lt=MAX_ATTEMPTS,
    )


def backoff(attempts: int) -> datetime.timedelta:
    """How long to wait after the `attempts`-th failure: 1, 2, 4, 8 … minutes, at most LONGEST_WAIT."""
    return min(FIRST_RETRY * (2 ** max(attempts - 1, 0)), LONGEST_WAIT)


def deliver(*, ids: Iterable[int] | None = None, now: datetime.datetime | None = None) -> int:
    """Send the due mails (only those in `ids` when given) over one connection. Returns how many were sent.

    Each mail is claimed with a conditional UPDATE first; a mail another worker claimed is skipped."""
    now = now or timezone.now()
    candidates = due(now)
    if ids is not None:
        candidates = candidates.filter(pk__in=list(ids))
    mails = list(candidates.order_by("next_attempt_at", "id"))
    if not mails:
        return 0
    sent = 0
    connection = get_connection(fail_silently=False)
    try:
        for mail in mails:
            claimed = (
                OutgoingMail.objects.filter(pk=mail.pk, sent_at__isnull=True)
                .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
                .update(claimed_until=now + CLAIM_FOR)
            )
            if not claimed:
                continue
            attempts = mail.attempts + 1
            try:
                _message(mail, connection).send()
            except Exception as error:  # noqa: BLE001  (any transport error: keep the mail for a retry)
                log.warning("Mail %s to %s failed (attempt %s): %s", mail.key, mail.to, attempts, error)
                OutgoingMail.objects.filter(pk=mail.pk).update(
                    claimed_until=None,
                    attempts=attempts,
                    last_error=str(error)[:1000] or error.__class__.__name__,
                    next_attempt_at=now + backoff(attempts),
                )
                _close_quietly(connection)  # a broken connection is opened again for the next mail
            else:
                OutgoingMail.objects.filter(pk=mail.pk).update(
                    claimed_until=None, sent_at=timezone.now(), attempts=attempts, last_error=""
                )
                sent += 1
    finally:
        _close_quietly(connection)
    return sent


def deliver_due() -> int:
    """Send every mail that is due now (the cron command)."""
    return deliver()


def _message(mail: OutgoingMail, connection: Any) -> EmailMessage:
    message = EmailMessage(
        subject=mail.subject,
        body=mail.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[mail.to],
        cc=list(mail.cc or []),
        reply_to=[mail.reply_to] if mail.reply_to else None,
        headers=dict(mail.headers or {}),
        connection=connection,
    )
    for attachment in mail.attachments or []:
        message.attach(attachment["name"], base64.b64decode(attachment["content"]), attachment["mimetype"])
    return message


def _close_quietly(connection: Any) -> None:
    with contextlib.suppress(Exception):  # closing a connection that already broke
        connection.close()


def forget_recipient(*, key_prefixes: Iterable[str]) -> int:
    """Erase the address from every mail whose key starts with one of `key_prefixes` (a subscriber who
    unsubscribed): mail not yet sent is dropped, sent mail keeps its subject and time without the address.
    Call inside the service's transaction. Returns how many mails were touched (two queries)."""
    match = Q()
    for prefix in key_prefixes:
        match |= Q(key__startswith=prefix)
    if not match:
        return 0
    mails = OutgoingMail.objects.filter(match)
    dropped, _ = mails.filter(sent_at__isnull=True).delete()
    return dropped + mails.exclude(to="").update(to="", cc=[], headers={})


# --- Reads for the desk ----------------------------------------------------------------------------------


def waiting_for_council(council_id: int) -> QuerySet[OutgoingMail]:
    """The council's mail that is not sent: waiting for its (next) attempt, or given up after MAX_ATTEMPTS."""
    return OutgoingMail.objects.filter(council_id=council_id, sent_at__isnull=True).order_by("created_at", "id")


def has_failed(mail: OutgoingMail) -> bool:
    return mail.sent_at is None and mail.attempts >= MAX_ATTEMPTS


OUTBOX_SHOWN = 20


def outbox_panel(council: Any, user: Any) -> dict | None:
    """The desk's outbox panel (registered in core's ready()): for the secretariat only, the oldest
    OUTBOX_SHOWN unsent mails of the council (one query, two when there are more)."""
    from raad.core.roles import Role, roles_of

    if Role.SECRETARIAT not in roles_of(user, council.pk):
        return None
    waiting = waiting_for_council(council.pk)
    rows = list(waiting[:OUTBOX_SHOWN])
    return {
        "count": waiting.count() if len(rows) == OUTBOX_SHOWN else len(rows),
        "rows": [{"mail": row, "failed": has_failed(row)} for row in rows],
        "shown": OUTBOX_SHOWN,
    }
