"""E-mails from this app, through the core outbox (raad.core.mail). Called by services inside their
transaction; each mail has a unique key and is delivered after commit, retried, never twice."""

from __future__ import annotations

from typing import Any

from raad.core import mail


def statement_letter(*, statement_id: int) -> None:
    """E-mail the sent letter (PDF attached) to the recipient, with the council as reply-to and in copy."""
    from raad.statements.models import Statement

    if mail.is_suppressed():
        return
    statement = Statement.objects.select_related("council", "consultation", "recipient").get(pk=statement_id)
    statement.letter.open("rb")
    try:
        pdf = statement.letter.read()
    finally:
        statement.letter.close()
    contact = statement.council.contact_email
    mail.queue(
        key=f"statement-letter:{statement.pk}",
        council=statement.council,
        to=statement.sent_to,
        template="statements/email/letter",
        context={"statement": statement, "council": statement.council},
        cc=[contact] if contact else [],
        reply_to=contact,
        attachments=[(f"hoeringssvar-{statement.pk}.pdf", pdf, "application/pdf")],
    )


def send_plain(*, key: str, council: Any, recipients: list[str], subject: str, body: str) -> int:
    """One e-mail per recipient (members do not see each other's addresses), texts already in the council's
    language. `key` names the occasion; each recipient's mail is queued once. Returns how many were queued."""
    queued = 0
    for address in dict.fromkeys(recipients):
        if mail.queue(
            key=f"{key}:{address}",
            council=council,
            to=address,
            template="core/email/plain",
            context={"subject": subject, "body": body},
        ):
            queued += 1
    return queued
