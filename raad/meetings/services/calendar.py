"""Calendar: writes of meetings (raad.meetings.services.calendar)."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils import timezone

from raad.core import audit
from raad.core.models import User
from raad.councils.models import Council
from raad.meetings.models import (
    CalendarToken,
)


@transaction.atomic
def calendar_token_renew(*, user: User, council: Council) -> CalendarToken:
    """A new private calendar link; the old one stops working."""
    CalendarToken.objects.filter(user=user, council=council, revoked_at__isnull=True).update(revoked_at=timezone.now())
    token = CalendarToken.objects.create(user=user, council=council, token=secrets.token_urlsafe(32))
    audit.record(actor=user, verb="calendar_token.renewed", target=token, council_id=council.pk)
    return token
