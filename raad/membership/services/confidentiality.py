"""Confidentiality (tavshedspligt, R27): writes of membership (raad.membership.services.confidentiality)."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from raad.core import audit
from raad.core.models import User
from raad.membership.models import Person


@transaction.atomic
def confidentiality_acknowledge(*, person: Person, by: User | None, now: datetime.datetime | None = None) -> Person:
    """The member or substitute accepts the duty of confidentiality (forvaltningsloven § 27, R27); recorded with
    the time, and journalled. A later appointment asks again."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    before = person.confidentiality_acknowledged_at
    person.confidentiality_acknowledged_at = now or timezone.now()
    person.save(update_fields=["confidentiality_acknowledged_at", "updated_at"])
    audit.record(
        actor=by,
        verb="person.confidentiality_acknowledged",
        target=person,
        changes=audit.changed(
            confidentiality_acknowledged_at=(
                before.isoformat() if before else None,
                person.confidentiality_acknowledged_at.isoformat(),
            )
        ),
    )
    return person
