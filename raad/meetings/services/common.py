"""Shared pieces: writes of meetings (raad.meetings.services.common)."""

from __future__ import annotations

from raad.core.i18n import in_council_language
from raad.meetings.notify import email_of  # noqa: F401  (re-exported: the services write to people through it)


def _official(func, *args):
    """Texts that become part of the record (rule names, minutes) are written in Danish, whoever is logged in."""
    with in_council_language():
        return func(*args)
