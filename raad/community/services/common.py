"""Small pieces the community services share."""

from __future__ import annotations

from raad.core.models import User
from raad.councils.models import Council, Purpose


def purposes_of_council(council: Council, purposes: list[Purpose]) -> bool:
    """Whether every purpose is one of the council's own (one query, none for an empty list)."""
    if not purposes:
        return True
    ids = {p.pk for p in purposes}
    return Purpose.objects.filter(pk__in=ids, terms_of_reference__council=council).count() == len(ids)


def recorded_by(by: User | None) -> User | None:
    """The user to store as author: none for a command or the demo (`by` None or unsaved)."""
    return by if by is not None and by.pk else None
