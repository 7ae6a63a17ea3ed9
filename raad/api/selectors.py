"""Reads for the API's tokens and the data they open."""

from __future__ import annotations

import hashlib
import hmac

from django.db.models import QuerySet

from raad.api.models import ApiToken
from raad.core.models import AuditEntry


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def tokens_of(council) -> list[ApiToken]:
    return list(ApiToken.objects.filter(council=council).select_related("created_by", "revoked_by"))


def token_by_secret(token: str) -> ApiToken | None:
    """The token whose secret this is (revoked or not), or None. The prefix finds the row; the hash decides."""
    parts = token.split("_", 2)
    if len(parts) != 3 or parts[0] != "raad" or not parts[1] or not parts[2] or len(token) > 200:
        return None
    found = ApiToken.objects.select_related("council").filter(prefix=parts[1]).first()
    if found is None or not hmac.compare_digest(found.secret_hash, token_hash(token)):
        return None
    return found


def journal_entries(council_id: int) -> QuerySet[AuditEntry]:
    """The council's audit journal as it stands (personal fields already masked when recorded)."""
    return AuditEntry.objects.filter(council_id=council_id).select_related("target_type")
