"""E-mails about membership, through the core outbox (raad.core.mail).

Called by services inside their transaction: each mail is queued under a unique key and delivered after
commit, so nothing is sent for a change that was rolled back, an SMTP failure never loses the mail or
breaks the request, and running a service twice never mails twice. Links are absolute (SITE_URL).
Each function reads what it needs by id."""

from __future__ import annotations

import logging
from typing import Any

from django.urls import reverse

from raad.core import mail
from raad.core.i18n import in_recipient_language
from raad.core.links import absolute_url
from raad.membership import links

log = logging.getLogger(__name__)

CALL_INVITATION = "membership/email/call_invitation"


def call_invitations(*, call_id: int) -> None:
    """Every entitled nominating body gets its own signed link to the nomination form."""
    from raad.membership.models import NominationCall
    from raad.membership.selectors import call_entitled_bodies

    if mail.is_suppressed():
        return
    call = NominationCall.objects.select_related("council", "term", "seat").get(pk=call_id)
    for body in call_entitled_bodies(call):
        token = links.nominate_token(call_id=call.pk, body_id=body.pk)
        with in_recipient_language(body, call.council):
            mail.queue(
                key=f"call-invitation:{call.pk}:{body.pk}",
                council=call.council,
                recipient=body,
                to=body.contact_email,
                template=CALL_INVITATION,
                context={
                    "call": call,
                    "body": body,
                    "url": absolute_url(reverse("membership:nominate", kwargs={"token": token})),
                },
                reply_to=call.council.contact_email,
            )


def call_invitation_preview(*, call: Any, body: Any, url: str) -> tuple[str, str]:
    """(subject, body) of the invitation `body` gets for `call` (which may not be saved yet): the preview."""
    _language, subject, text = mail.render(
        template=CALL_INVITATION, context={"call": call, "body": body, "url": url}, council=call.council, recipient=body
    )
    return subject, text


def nomination_received(*, nomination_id: int) -> None:
    """Every address here was typed by whoever posted the public form, so none of them gets the form's text
    before it confirms itself: the sender gets a fixed text with a link to confirm the address (the receipt
    follows, nomination_receipt()); the candidate and the substitute a fixed text with their confirmation
    link, whose page shows the nomination."""
    from raad.membership.models import Nomination

    if mail.is_suppressed():
        return
    nomination = Nomination.objects.select_related(
        "call__council", "nominating_body", "seat", "candidate", "substitute_candidate"
    ).get(pk=nomination_id)
    council = nomination.call.council
    mail.queue(
        key=f"nomination-submitter-confirm:{nomination.pk}",
        council=council,
        to=nomination.submitted_by_email,
        template="membership/email/submitter_confirm",
        context={
            "council": council,
            "url": absolute_url(
                reverse(
                    "membership:submitter_confirm", kwargs={"token": links.submitter_token(nomination_id=nomination.pk)}
                )
            ),
        },
        reply_to=council.contact_email,
    )
    for who, person in (("candidate", nomination.candidate), ("substitute", nomination.substitute_candidate)):
        if person is None:
            continue
        token = links.confirm_token(nomination_id=nomination.pk, who=who)
        mail.queue(
            key=f"nomination-confirm:{nomination.pk}:{who}",
            council=council,
            recipient=person,
            to=person.email,
            template="membership/email/confirm_request",
            context={
                "council": council,
                "who": who,
                "url": absolute_url(reverse("membership:confirm", kwargs={"token": token})),
            },
            reply_to=council.contact_email,
        )


def nomination_receipt(*, nomination_id: int) -> None:
    """The receipt, with the nomination's content, to the sender's address once it has confirmed itself."""
    from raad.membership.models import Nomination

    if mail.is_suppressed():
        return
    nomination = Nomination.objects.select_related("call__council", "seat", "candidate", "substitute_candidate").get(
        pk=nomination_id
    )
    council = nomination.call.council
    mail.queue(
        key=f"nomination-receipt:{nomination.pk}",
        council=council,
        to=nomination.submitted_by_email,
        template="membership/email/nomination_receipt",
        context={"nomination": nomination, "council": council},
        reply_to=council.contact_email,
    )


def appointment_letters(*, membership_ids: list[int]) -> None:
    """The appointment letter (PDF) to each new member; the nominating body is told."""
    from raad.membership.letters import appointment_letter_pdf
    from raad.membership.models import Membership

    if mail.is_suppressed():
        return
    memberships = Membership.objects.filter(pk__in=membership_ids).select_related(
        "person",
        "seat__council__municipality",
        "seat__nominating_body",
        "term",
        "appointment",
        "nomination__nominating_body",
    )
    with mail.batch():  # one insert for all the mails, not one each
        for membership in memberships:
            council = membership.seat.council
            if membership.person.email:
                mail.queue(
                    key=f"appointment:{membership.pk}",
                    council=council,
                    recipient=membership.person,
                    to=membership.person.email,
                    template="membership/email/appointment",
                    context={"membership": membership, "council": council},
                    reply_to=council.contact_email,
                    attachments=[
                        (
                            f"udpegning-plads-{membership.seat.number}.pdf",
                            appointment_letter_pdf(membership),
                            "application/pdf",
                        )
                    ],
                )
            body = membership.seat.nominating_body
            if body is not None:
                mail.queue(
                    key=f"appointment-body:{membership.pk}",
                    council=council,
                    to=body.contact_email,
                    template="membership/email/appointment_body",
                    context={"membership": membership, "council": council, "body": body},
                    reply_to=council.contact_email,
                )


def vacancy(*, membership_id: int) -> None:
    """A seat became vacant: the secretariat, the nominating body and the board's liaison are told (R25)."""
    from raad.councils.selectors import liaison_emails
    from raad.membership.models import Membership

    if mail.is_suppressed():
        return
    membership = Membership.objects.select_related("person", "seat__council", "seat__nominating_body").get(
        pk=membership_id
    )
    council = membership.seat.council
    body = membership.seat.nominating_body
    liaisons = liaison_emails(council.pk, membership.ends_on)
    for to in dict.fromkeys([council.contact_email, body.contact_email if body else "", *liaisons]):
        if not to:
            continue
        mail.queue(
            key=f"vacancy:{membership.pk}:{to}",
            council=council,
            to=to,
            template="membership/email/vacancy",
            context={"membership": membership, "council": council, "body": body},
        )


def chair_vacancy(*, council_id: int) -> None:
    log.info("Chair vacancy in council %s: a new election is needed.", council_id)
