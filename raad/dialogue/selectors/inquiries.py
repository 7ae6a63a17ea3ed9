"""Reads for inquiries, their status pages, triage and the referral catalogue."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from raad.core import translations
from raad.dialogue.models import Inquiry, InquiryEvent, ReferralService, Topic


def triage_list(council: Any, *, waiting_only: bool) -> QuerySet[Inquiry]:
    """The council's inquiries, newest first; `waiting_only`: those not yet triaged."""
    inquiries = Inquiry.objects.filter(council=council).select_related("topic", "referral")
    if waiting_only:
        inquiries = inquiries.filter(classification=Inquiry.Classification.UNSORTED, status=Inquiry.Status.RECEIVED)
    return inquiries


def waiting_count(council: Any) -> int:
    return Inquiry.objects.filter(
        council=council, classification=Inquiry.Classification.UNSORTED, status=Inquiry.Status.RECEIVED
    ).count()


def inquiry_for_council(council: Any, pk: int) -> Inquiry | None:
    return (
        Inquiry.objects.filter(council=council, pk=pk)
        .select_related("council", "topic", "referral", "triaged_by")
        .prefetch_related(Prefetch("events", queryset=InquiryEvent.objects.order_by("at", "id")))
        .first()
    )


def inquiry_status(council: Any, inquiry_id: int) -> Inquiry | None:
    """The inquiry behind a signed status link, with its steps and referral (translated in the active language)."""
    inquiry = inquiry_for_council(council, inquiry_id)
    if inquiry is not None and inquiry.referral is not None:
        translations.prefetch([inquiry.referral])
    return inquiry


def council_topics(council: Any) -> QuerySet[Topic]:
    return Topic.objects.filter(council=council).order_by("-number")


def referrals_all(council: Any) -> QuerySet[ReferralService]:
    """The municipality's whole catalogue, deactivated services too (the secretariat's list)."""
    return ReferralService.objects.filter(municipality_id=council.municipality_id)


def referrals_active(council: Any) -> QuerySet[ReferralService]:
    return referrals_all(council).filter(active=True)


def referral_for_council(council: Any, pk: int) -> ReferralService | None:
    return referrals_all(council).filter(pk=pk).first()


def public_referrals(council: Any) -> list[ReferralService]:
    """The public catalogue: active services, their texts in the active language (one query for them all)."""
    referrals = list(referrals_active(council))
    translations.prefetch(referrals)
    return referrals


def desk_panel(council: Any, user: Any) -> dict | None:
    """The desk panel "Henvendelser": how many wait for triage (the secretariat only)."""
    if not user.has_perm("dialogue.triage_inquiries", council):
        return None
    return {"waiting": waiting_count(council)}
