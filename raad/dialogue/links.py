"""Signed links for inquirers without an account: the status page of their inquiry. Nothing is stored; the
signature (with the secret key) is the proof. The link does not expire: after the retention period the page
still shows the inquiry's steps, no longer its text or the sender's details."""

from __future__ import annotations

from django.core import signing

_STATUS = "raad.dialogue.inquiry-status"


def status_token(*, inquiry_id: int) -> str:
    return signing.dumps({"i": inquiry_id}, salt=_STATUS, compress=True)


def read_status_token(token: str) -> int:
    """The inquiry's id; raises signing.BadSignature for a forged or damaged link."""
    return int(signing.loads(token, salt=_STATUS)["i"])
