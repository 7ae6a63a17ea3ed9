"""Two-factor authentication (TOTP) for accounts that must have it: the secretariat and staff."""

from __future__ import annotations

from django_otp.plugins.otp_totp.models import TOTPDevice

from raad.core.roles import Role, council_ids_of, roles_of


def requires_two_factor(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return any(Role.SECRETARIAT in roles_of(user, council_id) for council_id in council_ids_of(user))


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()


# A login through the municipal single sign-on whose ID token asserted a second factor (raad.core.sso) leaves
# the user's id here; the session ends at logout, and a password login removes it (raad.core.views.LoginView).
PROVIDER_FACTOR_SESSION_KEY = "raad_sso_second_factor"


def verified_by_provider(request, user) -> bool:
    return request.session.get(PROVIDER_FACTOR_SESSION_KEY) == str(user.pk)


def remember_provider_factor(request, user) -> None:
    request.session[PROVIDER_FACTOR_SESSION_KEY] = str(user.pk)


def forget_provider_factor(request) -> None:
    request.session.pop(PROVIDER_FACTOR_SESSION_KEY, None)
