"""Writes of the shared kernel: accounts and their second factor."""

from __future__ import annotations

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from raad.core import audit
from raad.core.models import User


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
        changes={"username": {"before": None, "after": username}, "email": {"before": None, "after": email}},
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
