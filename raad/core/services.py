"""Writes of the shared kernel: accounts and their second factor."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from raad.core import audit
from raad.core.errors import RuleViolation
from raad.core.models import User

M = TypeVar("M", bound=models.Model)


def fields_update(
    *, instance: M, fields: Iterable[str], data: dict[str, Any], verb: str, by: User | None, council_id: int | None
) -> M:
    """Set `fields` of `instance` from `data` (where present), save only those, and record what changed.

    For services that edit a record in place; call inside their transaction. Nothing is recorded when
    nothing changed."""
    fields = tuple(fields)
    before = audit.snapshot(instance, fields)
    for name in fields:
        if name in data:
            setattr(instance, name, data[name])
    instance.save(update_fields=[*fields, "updated_at"])
    changes = audit.diff(before, audit.snapshot(instance, fields))
    if changes:
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
def totp_device_start(*, user: User) -> TOTPDevice:
    """A new, unconfirmed authenticator for `user` (replacing any earlier unconfirmed one)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=False)


@transaction.atomic
def totp_device_confirm(*, device: TOTPDevice, token: str) -> bool:
    """Confirm the device if `token` is a current code from it."""
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit.record(actor=device.user, verb="user.two_factor_enabled", target=device.user)
    return True


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
    if language and language not in {code for code, _name in settings.LANGUAGES}:
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
