"""Shared pieces: writes of meetings (raad.meetings.services.common)."""

from __future__ import annotations

from raad.core.i18n import in_council_language


def _official(func, *args):
    """Texts that become part of the record (rule names, minutes) are written in Danish, whoever is logged in."""
    with in_council_language():
        return func(*args)


def email_of(person) -> str:
    """Where to write to a person: their own address, else their login's."""
    if person.email:
        return person.email
    user = getattr(person, "user", None)
    return user.email if user is not None else ""
