"""Writes for the register of associations (foreninger): the secretariat adds and edits, an association asks to
be listed through the public form, the secretariat approves or declines (with a reason) and takes an
association off the directory. Never a hard delete: events keep their co-organisers.

The contact person's details are public only with consent (`contact_public`); they never enter the journal
(`Association.AUDIT_PRIVATE_FIELDS`). CPR-like numbers in the free text are masked before storage (R30)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.community.models import Association
from raad.core import audit, languages, mail
from raad.core.errors import RuleViolation
from raad.core.services import fields_update
from raad.core.text import clean_text
from raad.councils.models import Council
from raad.councils.rules import Violation
from raad.councils.services import ensure_not_archived

ASSOCIATION_FIELDS = (
    "name",
    "purpose",
    "activities",
    "languages",
    "website",
    "contact_name",
    "contact_email",
    "contact_phone",
    "contact_public",
)
_TEXT_FIELDS = ("name", "purpose", "activities", "contact_name", "contact_phone")
TEXT_MAX_LENGTH = 3000
REASON_MAX_LENGTH = 2000


def _cleaned(*, council: Council, data: dict[str, Any], exclude_pk: int | None = None) -> dict[str, Any]:
    values = {name: data[name] for name in ASSOCIATION_FIELDS if name in data}
    for name in _TEXT_FIELDS:
        if name in values:
            values[name] = clean_text(values[name])
    for name in ("website", "contact_email"):
        if name in values:
            values[name] = (values[name] or "").strip()
    if "languages" in values:
        known = [code for code in (values["languages"] or []) if code in languages.BY_CODE]
        values["languages"] = [lang.code for lang in languages.TABLE if lang.code in known]  # the table's order
    if "contact_public" in values:
        values["contact_public"] = bool(values["contact_public"])
    violations = []
    if "name" in values and not values["name"]:
        violations.append(Violation("name", _("Skriv foreningens navn.")))
    for name in ("purpose", "activities"):
        if len(values.get(name, "")) > TEXT_MAX_LENGTH:
            violations.append(Violation(name, _("Teksten må højst fylde %(n)d tegn.") % {"n": TEXT_MAX_LENGTH}))
    if (
        values.get("name")
        and Association.objects.filter(council=council, name__iexact=values["name"])
        .exclude(pk=exclude_pk or 0)
        .exists()
    ):
        violations.append(Violation("name", _("Der er allerede en forening med det navn i oversigten.")))
    if violations:
        raise RuleViolation(violations)
    return values


def _record(association: Association, *, verb: str, by: Any, changes: dict[str, Any]) -> None:
    audit.record(actor=by, verb=verb, target=association, council_id=association.council_id, changes=changes)


@transaction.atomic
def association_create(*, council: Council, data: dict[str, Any], by: Any) -> Association:
    """The secretariat adds an association it works with: listed at once."""
    ensure_not_archived(council)
    values = _cleaned(council=council, data=data)
    if not values.get("name"):
        raise RuleViolation([Violation("name", _("Skriv foreningens navn."))])
    association = Association.objects.create(
        council=council, status=Association.Status.LISTED, decided_at=timezone.now(), decided_by=by, **values
    )
    _record(
        association,
        verb="association.created",
        by=by,
        changes=audit.created(**audit.snapshot(association, (*ASSOCIATION_FIELDS, "status"))),
    )
    return association


@transaction.atomic
def association_update(*, association: Association, data: dict[str, Any], by: Any) -> Association:
    association = Association.objects.select_for_update().select_related("council").get(pk=association.pk)
    ensure_not_archived(association.council)
    values = _cleaned(council=association.council, data=data, exclude_pk=association.pk)
    return fields_update(
        instance=association,
        fields=ASSOCIATION_FIELDS,
        data=values,
        verb="association.updated",
        by=by,
        council_id=association.council_id,
    )


@transaction.atomic
def association_request(*, council: Council, data: dict[str, Any], language: str) -> Association:
    """An association asks to be listed through the public form: pending until the secretariat decides. The
    secretariat is told by e-mail (and on the desk); the contact person gets the decision in `language`."""
    ensure_not_archived(council)
    values = _cleaned(council=council, data=data)
    violations = []
    if not values.get("name"):
        violations.append(Violation("name", _("Skriv foreningens navn.")))
    if not values.get("contact_name"):
        violations.append(Violation("contact_name", _("Skriv navnet på foreningens kontaktperson.")))
    if not values.get("contact_email"):
        violations.append(Violation("contact_email", _("Skriv kontaktpersonens e-mailadresse, så vi kan svare.")))
    if violations:
        raise RuleViolation(violations)
    association = Association.objects.create(
        council=council,
        status=Association.Status.PENDING,
        language=language if language in languages.BY_CODE else "da",
        requested_publicly=True,
        **values,
    )
    _record(
        association,
        verb="association.requested",
        by=None,
        changes=audit.created(**audit.snapshot(association, (*ASSOCIATION_FIELDS, "status", "language"))),
    )
    mail.queue(
        key=f"association-request:{association.pk}",
        council=council,
        to=council.contact_email,
        template="community/associations/email/request_received",
        context={"association": association, "council": council},
    )
    return association


def _lock(association: Association) -> Association:
    association = Association.objects.select_for_update().select_related("council").get(pk=association.pk)
    ensure_not_archived(association.council)
    return association


def _tell_contact(association: Association, *, template: str) -> None:
    """The decision, to the contact of an association that asked through the form, in the language it wrote in."""
    if not association.requested_publicly or not association.contact_email:
        return
    mail.queue(
        key=f"association-decision:{association.pk}:{association.status}",
        council=association.council,
        to=association.contact_email,
        recipient=association,  # its `language` is the language the request was written in
        template=template,
        context={"association": association, "council": association.council},
        reply_to=association.council.contact_email,
    )


@transaction.atomic
def association_approve(*, association: Association, by: Any) -> Association:
    """List a pending association (or put one taken off the directory back on)."""
    association = _lock(association)
    if association.status == Association.Status.LISTED:
        raise RuleViolation(_("Foreningen er allerede optaget i oversigten."))
    was_pending = association.status == Association.Status.PENDING
    before = association.status
    association.status = Association.Status.LISTED
    association.decided_at = timezone.now()
    association.decided_by = by
    association.decline_reason = ""
    association.save(update_fields=["status", "decided_at", "decided_by", "decline_reason", "updated_at"])
    _record(
        association,
        verb="association.approved",
        by=by,
        changes=audit.diff({"status": before}, {"status": association.status}),
    )
    if was_pending:
        _tell_contact(association, template="community/associations/email/approved")
    return association


@transaction.atomic
def association_decline(*, association: Association, reason: str, by: Any) -> Association:
    """Decline a pending request, with a reason the contact person is told."""
    association = _lock(association)
    if association.status != Association.Status.PENDING:
        raise RuleViolation(_("Kun en anmodning, der afventer godkendelse, kan afvises."))
    reason = clean_text(reason)
    if not reason:
        raise RuleViolation([Violation("reason", _("Skriv en begrundelse. Foreningen får den at vide."))])
    if len(reason) > REASON_MAX_LENGTH:
        raise RuleViolation(
            [Violation("reason", _("Begrundelsen må højst fylde %(n)d tegn.") % {"n": REASON_MAX_LENGTH})]
        )
    association.status = Association.Status.DECLINED
    association.decided_at = timezone.now()
    association.decided_by = by
    association.decline_reason = reason
    association.save(update_fields=["status", "decided_at", "decided_by", "decline_reason", "updated_at"])
    _record(
        association,
        verb="association.declined",
        by=by,
        changes=audit.diff(
            {"status": Association.Status.PENDING, "decline_reason": ""},
            {"status": association.status, "decline_reason": reason},
        ),
    )
    _tell_contact(association, template="community/associations/email/declined")
    return association


@transaction.atomic
def association_withdraw(*, association: Association, by: Any) -> Association:
    """Take a listed association off the public directory. It stays in the register (and on past events)."""
    association = _lock(association)
    if association.status != Association.Status.LISTED:
        raise RuleViolation(_("Kun en forening i oversigten kan tages af den."))
    association.status = Association.Status.WITHDRAWN
    association.save(update_fields=["status", "updated_at"])
    _record(
        association,
        verb="association.withdrawn",
        by=by,
        changes=audit.diff({"status": Association.Status.LISTED}, {"status": association.status}),
    )
    return association
