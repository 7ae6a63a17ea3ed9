"""Signed links for people without an account: a nominating body's nomination form, a candidate's
confirmation. Nothing is stored; the signature (with the secret key) is the proof."""

from __future__ import annotations

from django.core import signing

_NOMINATE = "raad.membership.nominate"
_CONFIRM = "raad.membership.confirm"
_SUBMITTER = "raad.membership.submitter"
# A confirmation link lives 60 days; a nomination link as long as the call (the deadline decides).
CONFIRM_MAX_AGE = 60 * 60 * 24 * 60


def nominate_token(*, call_id: int, body_id: int) -> str:
    return signing.dumps({"c": call_id, "b": body_id}, salt=_NOMINATE, compress=True)


def read_nominate_token(token: str) -> tuple[int, int]:
    """(call id, body id); raises signing.BadSignature for a forged or damaged link."""
    data = signing.loads(token, salt=_NOMINATE)
    return int(data["c"]), int(data["b"])


def confirm_token(*, nomination_id: int, who: str) -> str:
    return signing.dumps({"n": nomination_id, "w": who}, salt=_CONFIRM, compress=True)


def read_confirm_token(token: str) -> tuple[int, str]:
    data = signing.loads(token, salt=_CONFIRM, max_age=CONFIRM_MAX_AGE)
    if data.get("w") not in ("candidate", "substitute"):
        raise signing.BadSignature("who")
    return int(data["n"]), data["w"]


def submitter_token(*, nomination_id: int) -> str:
    """The link that confirms the sender's e-mail address (typed into the public form) before it gets the receipt."""
    return signing.dumps({"n": nomination_id}, salt=_SUBMITTER, compress=True)


def read_submitter_token(token: str) -> int:
    return int(signing.loads(token, salt=_SUBMITTER, max_age=CONFIRM_MAX_AGE)["n"])
