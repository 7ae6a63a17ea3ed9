"""Shared pieces: writes of membership (raad.membership.services.common)."""

from __future__ import annotations

from raad.councils.models import Council
from raad.councils.services import ensure_not_archived
from raad.membership.models import (
    Membership,
)

PERSON_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "street_address",
    "postcode",
    "city",
    "resides_in_municipality",
    "residence_needs_confirmation",
)


BODY_FIELDS = ("name", "contact_name", "contact_email", "contact_phone", "website")


LEAVING_REASONS = (Membership.EndReason.RESIGNED, Membership.EndReason.MOVED_AWAY, Membership.EndReason.DECEASED)


def _lock_council(council_id: int) -> Council:
    """Serialise every change of a council's composition (a fixed lock order: the council row first); refused
    when the council is archived (R1)."""
    council = Council.objects.select_for_update().get(pk=council_id)
    ensure_not_archived(council)
    return council
