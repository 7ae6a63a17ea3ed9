"""The one e-mail to an inquirer about a step of their inquiry, shared by the inquiries service (triage,
referral, closing) and the topics service (each move of the inquiry's topic). Its own module, so the two
services need not import each other both ways (the inquiries service creates topics through the topics one).
"""

from __future__ import annotations

from typing import Any

from raad.core import mail
from raad.core.i18n import in_recipient_language
from raad.core.links import absolute_reverse
from raad.dialogue import links
from raad.dialogue.models import Inquiry, InquiryEvent, ReferralService


def status_url(inquiry: Inquiry) -> str:
    """The absolute signed link to the inquiry's status page, in the language the inquirer wrote in (for e-mails)."""
    with in_recipient_language(inquiry):  # its `language`, when the site offers it; else Danish
        return absolute_reverse(
            "dialogue:inquiry_status", inquiry.council.slug, links.status_token(inquiry_id=inquiry.pk)
        )


def notify_inquirer(
    inquiry: Inquiry,
    event: InquiryEvent,
    *,
    template: str,
    key: str = "",
    context: dict[str, Any] | None = None,
) -> None:
    """The one e-mail to an inquirer about a step of their inquiry (triage, referral, closing, and each move of
    its topic, `services.topics`): sent only if they asked for an answer by e-mail and their address is still
    there, in the language they wrote in, once per step (`key`, by default the event). The subject is the
    shared "Nyt om din henvendelse …" (`dialogue/inquiries/email/step_subject.txt`); the body is `template`'s."""
    if inquiry.reply_by != Inquiry.ReplyBy.EMAIL or not inquiry.email or inquiry.erased_at:
        return
    mail.queue(
        key=key or f"inquiry:{inquiry.pk}:{event.pk}",
        council=inquiry.council,
        to=inquiry.email,
        recipient=inquiry,  # its `language` is the language they wrote in
        template=template,
        context={
            "inquiry": inquiry,
            "event": event,
            "council": inquiry.council,
            # Read afresh, so its texts are translated into the inquirer's language, not the page's.
            "referral": ReferralService.objects.get(pk=inquiry.referral_id) if inquiry.referral_id else None,
            "url": status_url(inquiry),
            **(context or {}),
        },
        reply_to=inquiry.council.contact_email,
    )
