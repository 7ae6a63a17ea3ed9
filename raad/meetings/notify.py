"""E-mails about meetings, through the core outbox (raad.core.mail): queued inside the service's
transaction under a unique key, rendered in the recipient's language (else the council's), delivered
after commit, retried, never twice. Templates: meetings/email/<template>.txt and <template>_subject.txt."""

from __future__ import annotations

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
