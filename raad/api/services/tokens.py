"""Writes for API tokens: made and revoked by the secretariat, each use journalled."""

from __future__ import annotations

import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.api.models import ApiToken
from raad.api.selectors import token_hash
from raad.core import audit
from raad.core.errors import RuleViolation
from raad.councils.models import Council


@transaction.atomic
def api_token_create(*, council: Council, name: str, scopes: list[str], by: Any) -> tuple[ApiToken, str]:
    """A new token and its secret (shown to the secretariat once, never stored)."""
    name = (name or "").strip()
    scopes = sorted(set(scopes))
    if not name:
        raise RuleViolation(_("Giv nøglen et navn, så I kan se, hvad den bruges til."))
    if not scopes or any(s not in ApiToken.Scope.values for s in scopes):
        raise RuleViolation(_("Vælg mindst én adgang."))
    prefix = secrets.token_hex(6)
    secret = f"raad_{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        council=council, name=name[:100], prefix=prefix, secret_hash=token_hash(secret), scopes=scopes, created_by=by
    )
    audit.record(
        actor=by, verb="api_token.created", target=token, council_id=council.pk, changes=audit.created(scopes=scopes)
    )
    return token, secret


@transaction.atomic
def api_token_revoke(*, token: ApiToken, by: Any) -> ApiToken:
    locked = ApiToken.objects.select_for_update().get(pk=token.pk)
    if locked.revoked_at is not None:
        raise RuleViolation(_("Nøglen er allerede tilbagekaldt."))
    locked.revoked_at = timezone.now()
    locked.revoked_by = by
    locked.save(update_fields=["revoked_at", "revoked_by", "updated_at"])
    audit.record(actor=by, verb="api_token.revoked", target=locked, council_id=locked.council_id)
    return locked


@transaction.atomic
def api_token_use(*, token: ApiToken, path: str) -> None:
    """Journal one use of a valid token (which address it read) and note when it was last used."""
    token.last_used_at = timezone.now()
    token.save(update_fields=["last_used_at"])
    audit.record(
        actor=None,
        verb="api_token.used",
        target=token,
        council_id=token.council_id,
        changes=audit.created(path=path[:300]),
    )
