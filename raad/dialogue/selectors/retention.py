"""What the retention rules (R35) erase in inquiries on a given day: the ONE reading the retention command
(`services.inquiries.inquiries_erase_expired`) and the desk's warning of upcoming erasures share, so they never
disagree. `procedures` is {council_id: the rules of procedure in force}."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from django.db.models import Q, QuerySet
from django.utils import timezone

from raad.councils.models import RulesOfProcedure
from raad.dialogue.models import Inquiry
from raad.membership.rules import add_months

HAS_DETAILS = Q(name__gt="") | Q(organisation__gt="") | Q(email__gt="") | Q(phone__gt="")


def _start_of(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of `day`, Copenhagen time: what arrived before it has passed its period."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def details_cutoff(on: datetime.date, months: int) -> datetime.datetime:
    """On `on`, the sender's details of an inquiry that arrived before this moment are erased."""
    return _start_of(add_months(on, -months))


def texts_cutoff(on: datetime.date, months: int) -> datetime.datetime:
    """On `on`, the text of an individual case referred before this moment is erased."""
    return _start_of(add_months(on, -months))


def inquiry_details_due(procedures: Mapping[int, RulesOfProcedure], on: datetime.date) -> QuerySet[Inquiry]:
    """Inquiries whose sender's details are erased on `on` (`inquiry_retention_months` after arrival)."""
    if not procedures:
        return Inquiry.objects.none()
    within = Q()
    for council_id, procedure in procedures.items():
        within |= Q(council_id=council_id, created_at__lt=details_cutoff(on, procedure.inquiry_retention_months))
    return Inquiry.objects.filter(within).filter(HAS_DETAILS)


def individual_texts_due(procedures: Mapping[int, RulesOfProcedure], on: datetime.date) -> QuerySet[Inquiry]:
    """Individual cases whose text (and reply, and details) is erased on `on` (`individual_case_retention_months`
    after the referral)."""
    if not procedures:
        return Inquiry.objects.none()
    within = Q()
    for council_id, procedure in procedures.items():
        within |= Q(
            council_id=council_id,
            triaged_at__lt=texts_cutoff(on, procedure.individual_case_retention_months),
        )
    return Inquiry.objects.filter(within, classification=Inquiry.Classification.INDIVIDUAL).filter(
        Q(text__gt="") | Q(reply__gt="") | HAS_DETAILS
    )
