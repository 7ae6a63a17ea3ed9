"""Small pieces the community services share."""

from __future__ import annotations

from raad.core.models import User


def recorded_by(by: User | None) -> User | None:
    """The user to store as author: none for a command or the demo (`by` None or unsaved)."""
    return by if by is not None and by.pk else None
