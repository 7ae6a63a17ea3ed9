"""E-mails about membership. Called from services with `transaction.on_commit`, so nothing is sent for
a change that was rolled back. Each function reads what it needs by id."""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from raad.membership import links

log = logging.getLogger(__name__)


def _send(
    *,
    to: list[str],
    subject: str,
    template: str,
    context: dict,
    reply_to: str = "",
    attachments: Sequence[tuple[str, bytes, str]] = (),
) -> None:
    to = [address for address in to if address]
    if not to:
        return
    with translation.override("da"):
        body = render_to_string(template, context)
        subject = str(subject)
    message = EmailMessage(
        subject=subject.strip(),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        reply_to=[reply_to] if reply_to else None,
    )
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    message.send()


def _in_danish(function):
    """E-mails go out in Danish (the recipients are Danish associations and residents)."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with translation.override("da"):
            return function(*args, **kwargs)

    return wrapper


@_in_danish
def call_invitations(*, call_id: int, base_url: str) -> None:
    """Every entitled nominating body gets its own signed link to the nomination form."""
    from raad.membership.models import NominationCall
    from raad.membership.services import call_entitled_bodies

    call = NominationCall.objects.select_related("council", "term", "seat").get(pk=call_id)
    for body in call_entitled_bodies(call):
        token = links.nominate_token(call_id=call.pk, body_id=body.pk)
        url = base_url.rstrip("/") + reverse("membership:nominate", kwargs={"token": token})
        _send(
            to=[body.contact_email],
            subject=_("%(title)s – %(council)s") % {"title": call.title, "council": call.council.name},
            template="membership/email/call_invitation.txt",
            context={"call": call, "body": body, "url": url},
            reply_to=call.council.contact_email,
        )


@_in_danish
def nomination_received(*, nomination_id: int, base_url: str) -> None:
    """A receipt to the nominating body; a confirmation link to the candidate and the substitute."""
    from raad.membership.models import Nomination

    nomination = Nomination.objects.select_related(
        "call__council", "nominating_body", "seat", "candidate", "substitute_candidate"
    ).get(pk=nomination_id)
    council = nomination.call.council
    _send(
        to=[nomination.submitted_by_email],
        subject=_("Indstilling modtaget – %(council)s") % {"council": council.name},
        template="membership/email/nomination_receipt.txt",
        context={"nomination": nomination, "council": council},
        reply_to=council.contact_email,
    )
    for who, person in (("candidate", nomination.candidate), ("substitute", nomination.substitute_candidate)):
        if person is None:
            continue
        token = links.confirm_token(nomination_id=nomination.pk, who=who)
        url = base_url.rstrip("/") + reverse("membership:confirm", kwargs={"token": token})
        _send(
            to=[person.email],
            subject=_("Bekræft din indstilling til %(council)s") % {"council": council.name},
            template="membership/email/confirm_request.txt",
            context={"nomination": nomination, "council": council, "person": person, "who": who, "url": url},
            reply_to=council.contact_email,
        )


@_in_danish
def appointment_letters(*, membership_ids: list[int]) -> None:
    """The appointment letter (PDF) to each new member; the nominating body is told."""
    from raad.membership.letters import appointment_letter_pdf
    from raad.membership.models import Membership

    memberships = Membership.objects.filter(pk__in=membership_ids).select_related(
        "person", "seat__council", "seat__nominating_body", "term", "appointment", "nomination__nominating_body"
    )
    for membership in memberships:
        council = membership.seat.council
        pdf = appointment_letter_pdf(membership)
        _send(
            to=[membership.person.email],
            subject=_("Udpegning til %(council)s") % {"council": council.name},
            template="membership/email/appointment.txt",
            context={"membership": membership, "council": council},
            reply_to=council.contact_email,
            attachments=[(f"udpegning-plads-{membership.seat.number}.pdf", pdf, "application/pdf")],
        )
        body = membership.seat.nominating_body
        if body is not None:
            _send(
                to=[body.contact_email],
                subject=_("Jeres kandidat er udpeget til %(council)s") % {"council": council.name},
                template="membership/email/appointment_body.txt",
                context={"membership": membership, "council": council, "body": body},
                reply_to=council.contact_email,
            )


@_in_danish
def vacancy(*, membership_id: int) -> None:
    """A seat became vacant: the nominating body and the secretariat are told (R25)."""
    from raad.membership.models import Membership

    membership = Membership.objects.select_related("person", "seat__council", "seat__nominating_body").get(
        pk=membership_id
    )
    council = membership.seat.council
    body = membership.seat.nominating_body
    _send(
        to=[council.contact_email] + ([body.contact_email] if body else []),
        subject=_("Ledig plads i %(council)s") % {"council": council.name},
        template="membership/email/vacancy.txt",
        context={"membership": membership, "council": council, "body": body},
    )


@_in_danish
def chair_vacancy(*, council_id: int) -> None:
    log.info("Chair vacancy in council %s: a new election is needed.", council_id)
