"""Writes of the shared kernel: accounts and their second factor."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from raad.core import audit, languages
from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry, ProviderIdentity, User

M = TypeVar("M", bound=models.Model)


def fields_update(
    *,
    instance: M,
    fields: Iterable[str],
    data: dict[str, Any],
    verb: str,
    by: User | None,
    council_id: int | None,
    record_unchanged: bool = False,
    also_save: Iterable[str] = (),
) -> M:
    """Set `fields` of `instance` from `data` (where present), save only those, and record what changed.

    For services that edit a record in place; call inside their transaction. Nothing is recorded when
    nothing changed, unless `record_unchanged` (the act itself is journalled, e.g. a confirmation).
    `also_save` names fields the caller set on `instance` that are saved but not journalled (a derived copy,
    e.g. the Markdown an item's recorded HTML was made from)."""
    fields = tuple(fields)
    before = audit.snapshot(instance, fields)
    for name in fields:
        if name in data:
            setattr(instance, name, data[name])
    instance.save(update_fields=[*fields, *also_save, "updated_at"])
    changes = audit.diff(before, audit.snapshot(instance, fields))
    if changes or record_unchanged:
        audit.record(actor=by, verb=verb, target=instance, council_id=council_id, changes=changes)
    return instance


@transaction.atomic
def user_create(
    *, username: str, email: str, first_name: str = "", last_name: str = "", password: str | None, by: User | None
) -> User:
    user = User(username=username, email=email, first_name=first_name, last_name=last_name)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    audit.record(
        actor=by,
        verb="user.created",
        target=user,
        changes=audit.created(username=username, email=email),
    )
    return user


@transaction.atomic
def totp_device_register(*, user: User, key_hex: str, token: str) -> TOTPDevice | None:
    """Add the authenticator whose secret (`key_hex`, kept in the session while the user set up the app) the
    user has proven to hold by a current code from it. Nothing is written before that; a wrong code writes
    nothing and returns None. The code used here cannot be used again to log in."""
    candidate = TOTPDevice(user=user, name="Authenticator", key=key_hex, confirmed=True)
    totp = TOTP(candidate.bin_key, candidate.step, candidate.t0, candidate.digits, 0)
    totp.time = time.time()
    if not totp.verify(int(token), tolerance=candidate.tolerance):
        return None
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()  # left over from the earlier set-up page
    candidate.last_t = totp.t()  # the step that matched (verify() leaves its drift set)
    candidate.save()
    audit.record(actor=user, verb="user.two_factor_enabled", target=user)
    return candidate


@transaction.atomic
def totp_device_create_confirmed(*, user: User, key_hex: str, by: User | None) -> TOTPDevice:
    """For demo data and tests: an authenticator with a known secret."""
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name="Authenticator", key=key_hex, confirmed=True)
    audit.record(actor=by, verb="user.two_factor_enabled", target=user)
    return device


@transaction.atomic
def user_set_language(*, user: User, language: str, by: User | None) -> User:
    """The language of the e-mails `user` receives ("" for the council's). Unknown codes are refused."""
    if language and language not in languages.WHOLE_SITE:
        raise RuleViolation(_("Vælg et af de sprog, siden findes på."))
    user = User.objects.select_for_update().get(pk=user.pk)
    before = user.language
    if before == language:
        return user
    user.language = language
    user.save(update_fields=["language"])
    audit.record(
        actor=by,
        verb="user.language_set",
        target=user,
        council_id=None,
        changes=audit.changed(language=(before, language)),
    )
    return user


@transaction.atomic
def desk_feed_token_create(*, user: User) -> str:
    """A new private iCal link to `user`'s desk; any earlier link stops working. Returns the secret for the URL
    (shown once: only its hash is stored)."""
    import secrets

    from raad.core.desk import feed_token_hash
    from raad.core.models import DeskFeedToken

    now = timezone.now()
    DeskFeedToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=now)
    secret = secrets.token_urlsafe(32)
    token = DeskFeedToken.objects.create(user=user, token_hash=feed_token_hash(secret))
    audit.record(actor=user, verb="desk_feed.created", target=token, council_id=None)
    return secret


@transaction.atomic
def desk_feed_token_revoke(*, user: User) -> int:
    """Revoke `user`'s private iCal link(s) to the desk; the old URL answers 404. Returns how many were revoked."""
    from raad.core.models import DeskFeedToken

    tokens = list(DeskFeedToken.objects.select_for_update().filter(user=user, revoked_at__isnull=True))
    if not tokens:
        return 0
    DeskFeedToken.objects.filter(pk__in=[t.pk for t in tokens]).update(revoked_at=timezone.now())
    for token in tokens:
        audit.record(actor=user, verb="desk_feed.revoked", target=token, council_id=None)
    return len(tokens)


@transaction.atomic
def sso_login_record(
    *, user: User, provider: str, amr: list[str], acr: str, second_factor_by_provider: bool
) -> AuditEntry:
    """Journal a login through the municipal single sign-on (raad.core.sso): which provider, how the person
    signed in there (amr, acr), and whether that counted as the second factor."""
    return audit.record(
        actor=user,
        verb="user.sso_login",
        target=user,
        changes={"provider": provider, "amr": amr, "acr": acr, "second_factor_by_provider": second_factor_by_provider},
    )


@transaction.atomic
def sso_identity_bind(*, user: User, issuer: str, subject: str) -> ProviderIdentity:
    """Bind the provider's identity (`issuer`, `subject`) to `user` at their first login through it: from then on
    it logs in as this user, and no other identity of that provider can (raad.core.sso). Journalled without the
    subject (the provider's identifier of the person stays out of the append-only journal)."""
    identity = ProviderIdentity.objects.create(user=user, issuer=issuer, subject=subject)
    audit.record(actor=user, verb="user.sso_bound", target=user, changes={"provider": issuer})
    return identity


@transaction.atomic
def sso_identity_unbind(*, user: User, by: User | None = None) -> int:
    """Undo the bindings of `user` (the person got a new account at the provider): their next login through it
    is matched by the claim again and bound anew. Returns how many there were; journalled."""
    identities = list(ProviderIdentity.objects.select_for_update().filter(user=user).order_by("pk"))
    for identity in identities:
        audit.record(actor=by, verb="user.sso_unbound", target=user, changes={"provider": identity.issuer})
    ProviderIdentity.objects.filter(pk__in=[i.pk for i in identities]).delete()
    return len(identities)


@transaction.atomic
def sso_login_refuse(*, reason: str, provider: str, claim: str) -> AuditEntry:
    """Journal an identity from the single sign-on provider that Råd refused (`reason`, a sentence in the
    site's language). The identity's own values (e-mail, subject) stay out of the append-only journal."""
    return audit.record(
        actor=None, verb="user.sso_refused", changes={"provider": provider, "claim": claim, "reason": reason}
    )
