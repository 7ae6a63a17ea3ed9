"""Signed links for registrants without an account: their registration page (status, cancel). Nothing is
stored; the signature (with the secret key) is the proof."""

from __future__ import annotations

from django.core import signing

_REGISTRATION = "raad.community.event-registration"


def registration_token(*, registration_id: int) -> str:
    return signing.dumps({"r": registration_id}, salt=_REGISTRATION, compress=True)


def read_registration_token(token: str) -> int:
    """The registration's id; raises signing.BadSignature for a forged or damaged link."""
    return int(signing.loads(token, salt=_REGISTRATION)["r"])
