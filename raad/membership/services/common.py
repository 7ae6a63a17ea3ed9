"""Shared pieces: writes of membership (raad.membership.services.common)."""

from __future__ import annotations

from raad.councils.models import Council
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


# Each verb written out, so the journal's labels can be checked against them (raad/core/tests/test_audit_labels.py).
_END_VERB: dict[str, str] = {
    Membership.EndReason.TERM_ENDED: "member.term_ended",
    Membership.EndReason.RESIGNED: "member.resigned",
    Membership.EndReason.MOVED_AWAY: "member.moved_away",
    Membership.EndReason.DECEASED: "member.deceased",
    Membership.EndReason.REPLACED: "member.replaced",
}


_CONFIRM_VERB: dict[str, str] = {
    "candidate": "nomination.confirmed_by_candidate",
    "substitute": "nomination.confirmed_by_substitute",
}


def _lock_council(council_id: int) -> Council:
    """Serialise every change of a council's composition (a fixed lock order: the council row first)."""
    return Council.objects.select_for_update().get(pk=council_id)
