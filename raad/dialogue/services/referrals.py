"""Writes for the referral catalogue (R9): the municipality's services an individual case is referred to.
Kept by the secretariat; a service is deactivated, never deleted (inquiries keep pointing to it)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from raad.core import audit
from raad.core.errors import RuleViolation
from raad.core.services import fields_update
from raad.core.text import clean_text
from raad.councils.models import Council
from raad.councils.rules import Violation
from raad.dialogue.models import ReferralService

EDITABLE_FIELDS = ("name", "description", "phone", "email", "url", "address", "opening_hours", "position")


def _cleaned(data: dict[str, Any]) -> dict[str, Any]:
    cleaned = dict(data)
    for name in ("name", "description", "phone", "address", "opening_hours"):
        if name in cleaned:
            cleaned[name] = clean_text(cleaned[name])
    if "name" in cleaned and not cleaned["name"]:
        raise RuleViolation([Violation("name", _("Giv henvisningen et navn."))])
    return cleaned


@transaction.atomic
def referral_create(*, council: Council, data: dict[str, Any], by: Any) -> ReferralService:
    """A new service in the municipality's catalogue (the council's municipality)."""
    values = _cleaned({name: data.get(name, "") for name in EDITABLE_FIELDS if name in data})
    if not values.get("name"):
        raise RuleViolation([Violation("name", _("Giv henvisningen et navn."))])
    source = str(data.get("slug") or values["name"]).lower()
    for letter, spelled in (("æ", "ae"), ("ø", "oe"), ("å", "aa")):
        source = source.replace(letter, spelled)
    base = slugify(source)[:70] or "henvisning"
    slug, n = base, 1
    taken = set(
        ReferralService.objects.filter(municipality_id=council.municipality_id, slug__startswith=base).values_list(
            "slug", flat=True
        )
    )
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    referral = ReferralService.objects.create(municipality_id=council.municipality_id, slug=slug, **values)
    audit.record(
        actor=by,
        verb="referral.created",
        target=referral,
        council_id=council.pk,
        changes=audit.created(**audit.snapshot(referral, ("slug", *values))),
    )
    return referral


@transaction.atomic
def referral_update(*, referral: ReferralService, data: dict[str, Any], by: Any, council: Council) -> ReferralService:
    return fields_update(
        instance=referral,
        fields=EDITABLE_FIELDS,
        data=_cleaned(data),
        verb="referral.updated",
        by=by,
        council_id=council.pk,
    )


@transaction.atomic
def referral_set_active(*, referral: ReferralService, active: bool, by: Any, council: Council) -> ReferralService:
    """Deactivate (or activate again): a deactivated service is no longer offered, and inquiries referred to it
    keep their referral."""
    return fields_update(
        instance=referral,
        fields=("active",),
        data={"active": active},
        verb="referral.activated" if active else "referral.deactivated",
        by=by,
        council_id=council.pk,
    )
