"""Writes for inquiries (henvendelser): a citizen writes, the secretariat triages (general topic or individual
case, R9), the inquirer follows the steps on a status page, and the retention command erases personal data
after the periods in the rules of procedure (R35).

Every state change records an audit entry (personal data never enters it: `Inquiry.AUDIT_PRIVATE_FIELDS`),
an `InquiryEvent` the inquirer sees, and, when they asked to be answered by e-mail, a mail in their language.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import audit, mail
from raad.core.errors import RuleViolation
from raad.core.text import clean_text
from raad.councils.models import Council
from raad.councils.rules import Violation
from raad.councils.selectors import rules_in_force
from raad.dialogue.models import Inquiry, InquiryEvent, ReferralService, Topic
from raad.dialogue.selectors import retention
from raad.dialogue.services import topics as topics_service
from raad.dialogue.services.inquirer_mail import notify_inquirer, status_url

# Size limits of the public form (the form says so; the service holds them for every caller).
TEXT_MAX_LENGTH = 5000
REPLY_MAX_LENGTH = 5000


def _event(inquiry: Inquiry, status: str, note: str = "") -> InquiryEvent:
    return InquiryEvent.objects.create(inquiry=inquiry, status=status, at=timezone.now(), note=clean_text(note))


def _next_reference(council: Council) -> str:
    """H-<year>-<number>: numbered per council and year; the council row is locked by the caller."""
    year = timezone.localdate().year
    prefix = f"H{council.pk}-{year}-"
    count = Inquiry.objects.filter(council=council, reference__startswith=prefix).count()
    return f"{prefix}{count + 1:04d}"


@transaction.atomic
def inquiry_submit(
    *,
    council: Council,
    kind: str,
    text: str,
    language: str,
    reply_by: str,
    name: str = "",
    organisation: str = "",
    email: str = "",
    phone: str = "",
    consent_publish: bool = False,
) -> Inquiry:
    """A citizen's inquiry from the public form: the text and details cleaned and CPR numbers masked before
    storage (R30); the receipt mailed if they gave an address."""
    text = clean_text(text)
    email = (email or "").strip()
    violations = []
    if kind not in Inquiry.Kind.values:
        violations.append(Violation("kind", _("Vælg, hvad din henvendelse drejer sig om.")))
    if not text:
        violations.append(Violation("text", _("Skriv din henvendelse.")))
    elif len(text) > TEXT_MAX_LENGTH:
        violations.append(Violation("text", _("Henvendelsen må højst fylde %(n)d tegn.") % {"n": TEXT_MAX_LENGTH}))
    if reply_by not in Inquiry.ReplyBy.values:
        violations.append(Violation("reply_by", _("Vælg, om du vil have svar.")))
    elif reply_by == Inquiry.ReplyBy.EMAIL and not email:
        violations.append(Violation("email", _("Skriv din e-mailadresse, hvis du vil have svar på e-mail.")))
    if violations:
        raise RuleViolation(violations)
    council = Council.objects.select_for_update().get(pk=council.pk)
    inquiry = Inquiry.objects.create(
        council=council,
        reference=_next_reference(council),
        kind=kind,
        text=text,
        language=language,
        name=clean_text(name),
        organisation=clean_text(organisation),
        email=email,
        phone=clean_text(phone),
        reply_by=reply_by,
        consent_publish=consent_publish,
    )
    event = _event(inquiry, Inquiry.Status.RECEIVED)
    audit.record(
        actor=None,
        verb="inquiry.received",
        target=inquiry,
        council_id=council.pk,
        # The text is masked by AUDIT_PRIVATE_FIELDS.
        changes=audit.created(kind=kind, language=language, text=text, consent_publish=consent_publish),
    )
    if email:  # the receipt goes to a given address even when they want no answer
        mail.queue(
            key=f"inquiry-receipt:{inquiry.pk}",
            council=council,
            to=email,
            recipient=inquiry,
            template="dialogue/inquiries/email/receipt",
            context={"inquiry": inquiry, "event": event, "council": council, "url": status_url(inquiry)},
            reply_to=council.contact_email,
        )
    return inquiry


def _lock(inquiry: Inquiry) -> Inquiry:
    return Inquiry.objects.select_for_update().select_related("council").get(pk=inquiry.pk)


def _check_open(inquiry: Inquiry) -> None:
    if inquiry.status == Inquiry.Status.CLOSED or inquiry.status == Inquiry.Status.ANSWERED:
        raise RuleViolation(_("Henvendelsen er afsluttet."))


def _check_reply(reply: str) -> str:
    reply = clean_text(reply)
    if len(reply) > REPLY_MAX_LENGTH:
        raise RuleViolation([Violation("reply", _("Svaret må højst fylde %(n)d tegn.") % {"n": REPLY_MAX_LENGTH})])
    return reply


def _step(
    inquiry: Inquiry, *, by: Any, verb: str, template: str, changes: dict[str, Any], note: str = "", **values: Any
) -> Inquiry:
    """One step of a (locked) inquiry: `values` set and saved, the event its sender sees on the status page, the
    journal entry (`changes`), and the mail to the sender (`template`, when they asked for an answer by e-mail)."""
    for name, value in values.items():
        setattr(inquiry, name, value)
    inquiry.save(update_fields=[*values, "updated_at"])
    event = _event(inquiry, inquiry.status, note)
    audit.record(actor=by, verb=verb, target=inquiry, council_id=inquiry.council_id, changes=changes)
    notify_inquirer(inquiry, event, template=template)
    return inquiry


@transaction.atomic
def topic_create_from_inquiry(*, inquiry: Inquiry, title: str, summary: str = "", by: Any) -> Topic:
    """A new topic for the council, raised by this general inquiry (the inquiry is then attached to it by
    `inquiry_classify_general`). The topic's text is the secretariat's, never the inquirer's words."""
    return topics_service.topic_create(
        council=inquiry.council, title=title, summary=summary, by=by, verb="topic.created_from_inquiry", source=inquiry
    )


@transaction.atomic
def inquiry_classify_general(
    *, inquiry: Inquiry, by: Any, topic: Topic | None = None, new_topic_title: str = "", note: str = ""
) -> Inquiry:
    """General (R9): the inquiry feeds a topic, an existing one or a new one."""
    inquiry = _lock(inquiry)
    _check_open(inquiry)
    if topic is None and not clean_text(new_topic_title):
        raise RuleViolation([Violation("topic", _("Vælg et emne, eller giv et nyt emne en titel."))])
    if topic is not None and topic.council_id != inquiry.council_id:
        raise RuleViolation([Violation("topic", _("Emnet hører til et andet råd."))])
    if topic is None:
        topic = topic_create_from_inquiry(inquiry=inquiry, title=new_topic_title, by=by)
    classification, status = Inquiry.Classification.GENERAL, Inquiry.Status.TOPIC
    return _step(
        inquiry,
        by=by,
        verb="inquiry.classified_general",
        template="dialogue/inquiries/email/topic",
        note=note,
        changes=audit.changed(
            classification=(inquiry.classification, classification),
            status=(inquiry.status, status),
            topic=(inquiry.topic_id, topic.number),
        ),
        classification=classification,
        status=status,
        topic=topic,
        referral=None,
        triaged_at=timezone.now(),
        triaged_by=by,
    )


@transaction.atomic
def inquiry_refer(*, inquiry: Inquiry, referral: ReferralService, by: Any, reply: str = "") -> Inquiry:
    """An individual case (R9): the council cannot handle it; the inquirer is referred to the right service
    from the municipality's catalogue, with contact details and opening hours in their language."""
    inquiry = _lock(inquiry)
    _check_open(inquiry)
    if referral.municipality_id != inquiry.council.municipality_id or not referral.active:
        raise RuleViolation([Violation("referral", _("Vælg en aktiv henvisning fra kommunens katalog."))])
    reply = _check_reply(reply)
    classification, status = Inquiry.Classification.INDIVIDUAL, Inquiry.Status.REFERRED
    return _step(
        inquiry,
        by=by,
        verb="inquiry.referred",
        template="dialogue/inquiries/email/referred",
        changes={
            **audit.changed(classification=(inquiry.classification, classification), status=(inquiry.status, status)),
            **audit.created(referral=referral.slug, reply=reply),  # the reply masked by AUDIT_PRIVATE_FIELDS
        },
        classification=classification,
        status=status,
        topic=None,
        referral=referral,
        reply=reply,
        triaged_at=timezone.now(),
        triaged_by=by,
    )


@transaction.atomic
def inquiry_raise_principle(*, inquiry: Inquiry, title: str, summary: str, by: Any) -> Topic:
    """A question of principle raised by an individual case becomes an anonymised topic: a new topic with the
    secretariat's own text; the inquiry stays an individual case and is not attached to it (R9)."""
    inquiry = _lock(inquiry)
    if inquiry.classification != Inquiry.Classification.INDIVIDUAL:
        raise RuleViolation(_("Kun en enkeltsag kan rejse et principielt spørgsmål som et nyt, anonymt emne."))
    return topics_service.topic_create(
        council=inquiry.council,
        title=title,
        summary=summary,
        by=by,
        verb="topic.created_from_principle",
        source=inquiry,
    )


@transaction.atomic
def inquiry_close(*, inquiry: Inquiry, by: Any, reply: str = "") -> Inquiry:
    """Close the inquiry; with a reply to the sender it is answered."""
    inquiry = _lock(inquiry)
    _check_open(inquiry)
    reply = _check_reply(reply)
    status = Inquiry.Status.ANSWERED if reply else Inquiry.Status.CLOSED
    changes = audit.changed(status=(inquiry.status, status))
    values: dict[str, Any] = {"status": status}
    if reply:
        changes.update(audit.created(reply=reply))
        values["reply"] = reply
    return _step(
        inquiry, by=by, verb="inquiry.closed", template="dialogue/inquiries/email/closed", changes=changes, **values
    )


# --- Retention (R35) -------------------------------------------------------------------------------------

PERSONAL_FIELDS = ("name", "organisation", "email", "phone")


@transaction.atomic
def inquiries_erase_expired(*, today: datetime.date | None = None, by: Any = None) -> tuple[int, int]:
    """Erase what the rules of procedure in force say has expired, once: the sender's details
    `inquiry_retention_months` after the inquiry arrived, and the text (and the reply) of an individual case
    `individual_case_retention_months` after it was referred. Returns (inquiries whose details were erased,
    individual cases whose text was erased). The journal gets the counts per council, no personal data."""
    today = today or timezone.localdate()
    now = timezone.now()
    details_total = texts_total = 0
    councils = Council.objects.filter(inquiries__isnull=False).distinct().order_by("pk")
    for council in councils:  # one council at a time: each has its own rules (a handful of councils)
        procedure = rules_in_force(council, today)
        one = {council.pk: procedure}
        details = retention.inquiry_details_due(one, today)
        texts = retention.individual_texts_due(one, today)
        texts_count = texts.update(
            text="", reply="", name="", organisation="", email="", phone="", erased_at=now, updated_at=now
        )
        details_count = details.update(name="", organisation="", email="", phone="", erased_at=now, updated_at=now)
        if details_count or texts_count:
            audit.record(
                actor=by,
                verb="inquiry.retention_erased",
                council_id=council.pk,
                changes=audit.created(
                    details_erased=details_count,
                    individual_texts_erased=texts_count,
                    inquiry_retention_months=procedure.inquiry_retention_months,
                    individual_case_retention_months=procedure.individual_case_retention_months,
                ),
            )
        details_total += details_count
        texts_total += texts_count
    return details_total, texts_total
