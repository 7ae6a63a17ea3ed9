"""E-mails from this app. Called by services with transaction.on_commit, never inside the transaction."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation


def statement_letter(*, statement_id: int) -> None:
    """E-mail the sent letter (PDF attached) to the recipient, with the council as reply-to."""
    from raad.statements.models import Statement

    statement = Statement.objects.select_related("council", "consultation", "recipient").get(pk=statement_id)
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("statements/email/letter_subject.txt", {"statement": statement}).strip()
        body = render_to_string("statements/email/letter.txt", {"statement": statement, "council": statement.council})
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[statement.sent_to],
        cc=[statement.council.contact_email] if statement.council.contact_email else [],
        reply_to=[statement.council.contact_email] if statement.council.contact_email else [],
    )
    statement.letter.open("rb")
    try:
        message.attach(f"hoeringssvar-{statement.pk}.pdf", statement.letter.read(), "application/pdf")
    finally:
        statement.letter.close()
    message.send()


def send_plain(*, recipients: list[str], subject: str, body: str) -> int:
    """One e-mail per recipient (members do not see each other's addresses)."""
    if not recipients:
        return 0
    messages = [
        EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[address])
        for address in recipients
    ]
    with get_connection() as connection:
        return connection.send_messages(messages) or 0
