"""E-mails about meetings, through the core outbox (raad.core.mail): queued inside the service's
transaction under a unique key, rendered in the recipient's language (else the council's), delivered
after commit, retried, never twice. Templates: meetings/email/<template>.txt and <template>_subject.txt."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from raad.core import mail
from raad.core.models import OutgoingMail


def queue(
    *, council: Any, key: str, to: str, template: str, context: dict, recipient: Any = None
) -> OutgoingMail | None:
    """Queue one meeting e-mail unless the same key was queued before (see raad.core.mail.queue)."""
    return mail.queue(
        council=council,
        key=key,
        to=to,
        template=f"meetings/email/{template}",
        context=context,
        recipient=recipient,
    )


def queue_to_members(*, meeting: Any, key: str, template: str, context: Callable[[Any], dict]) -> None:
    """One mail to each member in force on the meeting's day (`key` and `context(membership)` per member),
    stored together (raad.core.mail.batch)."""
    from raad.meetings.selectors import local_date
    from raad.membership.selectors import memberships_in_force

    with mail.batch():
        for membership in memberships_in_force(meeting.council_id, local_date(meeting)).select_related("person__user"):
            queue(
                council=meeting.council_id,
                key=f"{key}:{membership.pk}",
                to=email_of(membership.person),
                recipient=membership.person,
                template=template,
                context=context(membership),
            )


def email_of(person: Any) -> str:
    """Where to write to a person: their own address, else their login's."""
    if person.email:
        return person.email
    user = getattr(person, "user", None)
    return user.email if user is not None else ""
