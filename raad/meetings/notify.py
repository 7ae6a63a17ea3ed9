"""E-mails about meetings, through the core outbox (raad.core.mail): queued inside the service's
transaction under a unique key, rendered in the recipient's language (else the council's), delivered
after commit, retried, never twice. Templates: meetings/email/<template>.txt and <template>_subject.txt."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from raad.core import mail
from raad.core.i18n import in_recipient_language, language_name, recipient_language
from raad.core.links import absolute_url
from raad.core.models import OutgoingMail

Attachments = Sequence[tuple[str, bytes, str]]


def queue(
    *,
    council: Any,
    key: str,
    to: str,
    template: str,
    context: dict,
    recipient: Any = None,
    attachments: Attachments = (),
) -> OutgoingMail | None:
    """Queue one meeting e-mail unless the same key was queued before (see raad.core.mail.queue)."""
    return mail.queue(
        council=council,
        key=key,
        to=to,
        template=f"meetings/email/{template}",
        context=context,
        recipient=recipient,
        attachments=attachments,
    )


def queue_to_members(
    *,
    meeting: Any,
    key: str,
    template: str,
    context: Callable[[Any], dict],
    attachments: Callable[[Any], Attachments] | None = None,
) -> None:
    """One mail to each member in force on the meeting's day (see `queue_to_each`)."""
    if mail.is_suppressed():  # demo data and imports: nothing to look up
        return
    queue_to_each(
        meeting=meeting,
        recipients=members_to_mail(meeting),
        key=key,
        template=template,
        context=context,
        attachments=attachments,
    )


def queue_to_each(
    *,
    meeting: Any,
    recipients: Iterable[Any],
    key: str,
    template: str,
    context: Callable[[Any], dict],
    attachments: Callable[[Any], Attachments] | None = None,
) -> None:
    """One mail to each of `recipients` (memberships or substitutes: anything with a `pk` and a `person`):
    key `<key>:<pk>`, `context(recipient)` and `attachments(recipient)` built in the person's language,
    stored together (raad.core.mail.batch)."""
    if mail.is_suppressed():  # demo data and imports: nothing to render
        return
    with mail.batch():
        for recipient in recipients:
            with in_recipient_language(recipient.person, meeting.council_id):
                queue(
                    council=meeting.council_id,
                    key=f"{key}:{recipient.pk}",
                    to=email_of(recipient.person),
                    recipient=recipient.person,
                    template=template,
                    context=context(recipient),
                    attachments=attachments(recipient) if attachments is not None else (),
                )


def members_to_mail(meeting: Any) -> list[Any]:
    """The members in force on the meeting's day, with their person and login (whom a members' mail goes to)."""
    from raad.meetings.selectors import local_date
    from raad.membership.selectors import memberships_in_force

    return list(memberships_in_force(meeting.council_id, local_date(meeting)).select_related("person__user"))


@dataclass
class Recipient:
    """One recipient on a preview page."""

    name: str
    email: str
    language: str  # its name, e.g. "English"


@dataclass
class Message:
    """The mail as it will be sent in one language."""

    language: str  # its name, e.g. "English"
    subject: str
    body: str


def preview(*, meeting: Any, template: str, context: dict, recipient: Any) -> tuple[str, str, str]:
    """(language, subject, body) of the mail `recipient` would get: what a preview page shows."""
    return mail.render(
        template=f"meetings/email/{template}", context=context, council=meeting.council, recipient=recipient
    )


def preview_messages(meeting: Any, template: str, samples: Iterable[tuple[Any, dict]]) -> list[Message]:
    """The mail as it will be sent, once per language among the recipients (`samples`: person, context)."""
    seen: dict[str, Message] = {}
    for person, context in samples:
        language = recipient_language(person, meeting.council_id)
        if language not in seen:
            _lang, subject, body = preview(meeting=meeting, template=template, context=context, recipient=person)
            seen[language] = Message(language_name(language), subject, body)
    return list(seen.values())


def notice_preview(meeting: Any, content: Any) -> dict:
    """What the notice's preview page shows of the mail (`content`: selectors.notice_content(meeting)): its
    recipients (and those without an address), the mail in each of their languages, the invitation's name."""
    members = members_to_mail(meeting)
    recipients = [
        Recipient(str(m.person), email_of(m.person), language_name(recipient_language(m.person, meeting.council_id)))
        for m in members
    ]
    return {
        "recipients": recipients,
        "without_email": [r for r in recipients if not r.email],
        "mails": preview_messages(
            meeting, "notice", [(m.person, notice_context(meeting, content, m.person)) for m in members]
        ),
        "invitation_name": notice_invitation(meeting, content)[0][0],
    }


def substitute_mail_context(meeting: Any, substitute: Any, member: Any) -> dict:
    """The context of the mails to `substitute` (a person) about the apology of `member` (a person): the
    invitation in the member's place, and its withdrawal."""
    return {"meeting": meeting, "substitute": substitute, "member": member, "url": absolute_url(meeting)}


def notice_context(meeting: Any, content: Any, person: Any) -> dict:
    """The notice e-mail's context for one member (`content`: selectors.notice_content(meeting))."""
    return {
        "meeting": meeting,
        "person": person,
        "url": content.url,
        "packet_url": content.packet_url,
        "items": content.items,
    }


def notice_invitation(meeting: Any, content: Any) -> list[tuple[str, bytes, str]]:
    """The calendar invitation (.ics) attached to the notice, in the active language: the agenda in its
    description, a closed item only as "Lukket punkt"."""
    from django.utils.translation import gettext as _

    from raad.meetings import ical

    lines = [f"{item.position}. {_('Lukket punkt') if item.closed else item.title}" for item in content.items]
    data = ical.invitation(meeting, council_name=meeting.council.name, extra=["", _("Dagsorden"), *lines])
    return [(f"moede-{meeting.pk}.ics", data, "text/calendar")]


def email_of(person: Any) -> str:
    """Where to write to a person: their own address, else their login's."""
    if person.email:
        return person.email
    user = getattr(person, "user", None)
    return user.email if user is not None else ""
