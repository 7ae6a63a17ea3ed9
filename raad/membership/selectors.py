"""Reads about membership. `public_roster` is what a person without login may see."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from raad.core.roles import Role
from raad.councils.models import Council
from raad.membership.models import Membership, Substitute

_ROLE_MAP = {
    Membership.Role.CHAIR: {Role.CHAIR, Role.MEMBER},
    Membership.Role.VICE_CHAIR: {Role.VICE_CHAIR, Role.MEMBER},
    Membership.Role.MEMBER: {Role.MEMBER},
}


def memberships_in_force(council: Council | int, on: datetime.date | None = None) -> QuerySet[Membership]:
    on = on or timezone.localdate()
    council_id = council if isinstance(council, int) else council.pk
    return (
        Membership.objects.filter(seat__council_id=council_id, starts_on__lte=on)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .select_related("person", "seat", "seat__nominating_body", "term")
        .order_by("seat__number")
    )


def public_roster(council: Council, on: datetime.date | None = None) -> list[dict]:
    """Name, seat, nominating body and role; a bio only with consent. Nothing else (R31)."""
    roster = []
    for membership in memberships_in_force(council, on):
        person = membership.person
        roster.append(
            {
                "name": str(person),
                "seat_number": membership.seat.number,
                "seat_kind": membership.seat.get_kind_display(),
                "nominating_body": membership.seat.nominating_body.name if membership.seat.nominating_body else "",
                "role": membership.role,
                "role_label": membership.get_role_display(),
                "bio": person.bio if person.publish_bio else "",
                "bio_en": person.bio_en if person.publish_bio else "",
            }
        )
    return roster


def _person_memberships(user, on: datetime.date) -> QuerySet[Membership]:
    return Membership.objects.filter(person__user=user, starts_on__lte=on).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=on)
    )


def _person_substitutions(user, on: datetime.date) -> QuerySet[Substitute]:
    return Substitute.objects.filter(person__user=user, starts_on__lte=on).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=on)
    )


def member_roles(user, council_id: int) -> set[Role]:
    """Role provider: chair, vice-chair, member and substitute from memberships in force today."""
    today = timezone.localdate()
    found: set[Role] = set()
    for role in _person_memberships(user, today).filter(seat__council_id=council_id).values_list("role", flat=True):
        found |= _ROLE_MAP[Membership.Role(role)]
    if _person_substitutions(user, today).filter(membership__seat__council_id=council_id).exists():
        found.add(Role.SUBSTITUTE)
    return found


def member_council_ids(user) -> set[int]:
    today = timezone.localdate()
    ids = set(_person_memberships(user, today).values_list("seat__council_id", flat=True))
    ids |= set(_person_substitutions(user, today).values_list("membership__seat__council_id", flat=True))
    return ids


def memberships_of_user(user, on: datetime.date | None = None) -> QuerySet[Membership]:
    """The user's own seats today, for the workspace."""
    on = on or timezone.localdate()
    return _person_memberships(user, on).select_related("seat", "seat__council", "seat__nominating_body", "term")


def substitutions_of_user(user, on: datetime.date | None = None) -> QuerySet[Substitute]:
    on = on or timezone.localdate()
    return _person_substitutions(user, on).select_related(
        "membership__person", "membership__seat", "membership__seat__council", "membership__term"
    )
