"""Extraordinary: writes of meetings (raad.meetings.services.extraordinary)."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import audit, mail
from raad.core.errors import RuleViolation
from raad.core.links import absolute_url
from raad.core.models import User
from raad.core.text import clean_text
from raad.councils.models import Council
from raad.councils.rules import Violation, reference
from raad.councils.selectors import rules_in_force
from raad.councils.services import ensure_not_archived
from raad.meetings import notify, rules
from raad.meetings.models import (
    ExtraordinaryRequest,
    ExtraordinarySupport,
)
from raad.membership.models import Membership
from raad.membership.selectors import memberships_in_force

from .common import email_of


def _support_and_check(request: ExtraordinaryRequest, membership: Membership, by: User | None) -> None:
    _support, created = ExtraordinarySupport.objects.get_or_create(request=request, membership=membership)
    if not created:
        return
    count = ExtraordinarySupport.objects.filter(request=request).count()
    audit.record(
        actor=by,
        verb="extraordinary_request.supported",
        target=request,
        council_id=request.council_id,
        changes=audit.changed(supporters=(count - 1, count)),
    )
    if count >= request.threshold and request.threshold_reached_at is None:
        request.threshold_reached_at = timezone.now()
        request.save(update_fields=["threshold_reached_at", "updated_at"])
        audit.record(
            actor=by,
            verb="extraordinary_request.threshold_reached",
            target=request,
            council_id=request.council_id,
            changes=audit.created(supporters=count),
        )
        from raad.core.roles import Role
        from raad.councils.models import StaffAssignment

        today = timezone.localdate()
        recipients = {
            a.user.email
            for a in StaffAssignment.objects.filter(
                council_id=request.council_id, role=Role.SECRETARIAT, starts_on__lte=today
            )
            .exclude(ends_on__lt=today)
            .select_related("user")
            if a.user.email
        }
        recipients |= {
            email_of(m.person)
            for m in memberships_in_force(request.council_id, today)
            .select_related("person__user")
            .filter(role__in=["chair", "vice_chair"])
        }
        with mail.batch():  # one insert for all the mails, not one each
            for to in sorted(r for r in recipients if r):
                notify.queue(
                    council=request.council_id,
                    key=f"extraordinary:{request.pk}:{to}",
                    to=to,
                    template="extraordinary_task",
                    context={
                        "request": request,
                        "count": count,
                        "url": absolute_url(reverse("meetings:plan", args=[request.council.slug])),
                    },
                )


@transaction.atomic
def extraordinary_request_create(
    *, council: Council, membership: Membership, reasons: str, by: User | None
) -> ExtraordinaryRequest:
    """A member asks for an extraordinary meeting with reasons; the request counts as their support."""
    council = Council.objects.select_for_update(of=("self",)).get(pk=council.pk)
    ensure_not_archived(council)
    if membership.seat.council_id != council.pk:
        raise RuleViolation(_("Kun rådets medlemmer kan anmode om et ekstraordinært møde."))
    if not reasons.strip():
        raise RuleViolation(
            [
                Violation(
                    "reasons",
                    _("Skriv begrundelsen for mødet (%(rule)s).") % {"rule": reference("extraordinary_numerator")},
                )
            ]
        )
    procedure = rules_in_force(council)
    members = memberships_in_force(council).count()
    request = ExtraordinaryRequest.objects.create(
        council=council,
        requested_by=membership,
        reasons=clean_text(reasons),
        threshold=rules.extraordinary_threshold(
            members, procedure.extraordinary_numerator, procedure.extraordinary_denominator
        ),
    )
    audit.record(
        actor=by,
        verb="extraordinary_request.created",
        target=request,
        council_id=council.pk,
        changes=audit.created(threshold=request.threshold),
    )
    _support_and_check(request, membership, by)
    return request


@transaction.atomic
def extraordinary_request_support(
    *, request: ExtraordinaryRequest, membership: Membership, by: User | None
) -> ExtraordinaryRequest:
    request = ExtraordinaryRequest.objects.select_for_update(of=("self",)).select_related("council").get(pk=request.pk)
    ensure_not_archived(request.council)
    if membership.seat.council_id != request.council_id:
        raise RuleViolation(_("Kun rådets medlemmer kan støtte anmodningen."))
    if request.meeting_id is not None:
        raise RuleViolation(_("Mødet er allerede indkaldt."))
    _support_and_check(request, membership, by)
    return request
