"""Municipal single sign-on: OpenID Connect through mozilla-django-oidc (docs/sso.md).

Configured by the OIDC_* settings (from the environment); without OIDC_CLIENT_ID it is off: no button, the
two URLs answer 404, the backend authenticates no one. An identity from the provider is matched to an EXISTING
user by a verified claim (OIDC_MATCH_CLAIM) or refused with a message on the login page; no user is ever
created. Both outcomes are journalled (raad.core.audit). A secretariat login counts as two-factor only when the
ID token asserts it (amr in OIDC_MFA_AMR, or acr in OIDC_MFA_ACR); otherwise the local one-time code is asked.
"""

from __future__ import annotations

import logging
import time
from urllib.parse import urlencode, urlsplit

import jwt
import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, get_user_model
from django.contrib.auth import views as auth_views
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from raad.core import services
from raad.core.languages import in_council_language
from raad.core.links import absolute_url
from raad.core.models import ProviderIdentity
from raad.core.twofactor import confirmed_device, forget_provider_factor, remember_provider_factor, requires_two_factor

security_log = logging.getLogger("raad.security")

LANGUAGE_SESSION_KEY = "raad_sso_language"

# Why an identity was refused: shown to the person on the login page, and written (in Danish) to the journal.
REFUSALS = {
    "unknown": gettext_lazy(
        "Dit login fra kommunen passer ikke til en bruger i Råd. Kontakt rådets sekretariat, "
        "eller log ind med brugernavn og adgangskode."
    ),
    "unverified": gettext_lazy(
        "Kommunens login har ikke bekræftet din e-mailadresse, så Råd kan ikke vide, hvem du er. "
        "Kontakt rådets sekretariat, eller log ind med brugernavn og adgangskode."
    ),
    "ambiguous": gettext_lazy(
        "Flere brugere i Råd passer til dit login fra kommunen. Kontakt rådets sekretariat, "
        "eller log ind med brugernavn og adgangskode."
    ),
    "bound": gettext_lazy(
        "Din bruger i Råd er knyttet til et andet login fra kommunen. Kontakt rådets sekretariat, "
        "eller log ind med brugernavn og adgangskode."
    ),
    "failed": gettext_lazy(
        "Log ind med kommunens login lykkedes ikke. Prøv igen, eller log ind med brugernavn og adgangskode."
    ),
}

_ENDPOINTS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_LOGOUT_ENDPOINT": "end_session_endpoint",
}
_discovered: dict[str, dict] = {}


def sso_enabled() -> bool:
    return bool(settings.OIDC_RP_CLIENT_ID)


def _discovery(issuer: str) -> dict:
    """The issuer's discovery document, read once per process."""
    if issuer not in _discovered:
        url = issuer.rstrip("/") + "/.well-known/openid-configuration"
        response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        _discovered[issuer] = response.json()
    return _discovered[issuer]


def setting(name: str, *default):
    """A mozilla-django-oidc setting; an endpoint left empty comes from the issuer's discovery document."""
    value = import_from_settings(name, *default)
    if name in _ENDPOINTS and not value and settings.OIDC_OP_ISSUER:
        value = _discovery(settings.OIDC_OP_ISSUER).get(_ENDPOINTS[name], "")
    return value


def second_factor_asserted(id_token_claims: dict) -> bool:
    """Whether the ID token says the person signed in with a second factor: an `amr` value in OIDC_MFA_AMR,
    or an `acr` in OIDC_MFA_ACR. Nothing else (not the userinfo, not a claim Råd asked for) counts."""
    amr = id_token_claims.get("amr")
    amr = [amr] if isinstance(amr, str) else amr if isinstance(amr, list) else []
    acr = id_token_claims.get("acr")
    return bool(set(settings.OIDC_MFA_AMR) & {str(value) for value in amr}) or (
        isinstance(acr, str) and acr in settings.OIDC_MFA_ACR
    )


def user_for_claims(claims: dict):
    """The one active user the provider's claims name, and "" ; or None and the reason for refusing.
    With OIDC_MATCH_CLAIM=email the address must be verified by the provider (email_verified true)."""
    claim = settings.OIDC_MATCH_CLAIM
    value = claims.get(claim)
    if not isinstance(value, str) or not value.strip():
        return None, "unverified" if claim == "email" else "unknown"
    users = get_user_model().objects.filter(is_active=True)
    if claim == "email":
        if claims.get("email_verified") not in (True, "true"):
            return None, "unverified"
        users = users.filter(email__iexact=value.strip())
    else:
        users = users.filter(username=value.strip())
    found = list(users[:2])
    if len(found) != 1:
        return None, "ambiguous" if found else "unknown"
    return found[0], ""


def user_for_identity(issuer: str, subject: str, claims: dict):
    """The user the provider's identity logs in as, and "" ; or None and the reason for refusing. An identity
    bound before (its issuer and subject, ProviderIdentity) is that user, whatever its claims say now. An unbound one
    is matched by the claim (`user_for_claims`) and bound to the user at this first login, unless the user is bound
    to another identity of the same provider: a reused e-mail address cannot take over an account."""
    if not subject:
        return None, "failed"
    bound = ProviderIdentity.objects.select_related("user").filter(issuer=issuer, subject=subject).first()
    if bound is not None:
        return (bound.user, "") if bound.user.is_active else (None, "unknown")
    user, reason = user_for_claims(claims)
    if user is None:
        return None, reason
    if ProviderIdentity.objects.filter(user=user, issuer=issuer).exists():
        return None, "bound"
    try:
        services.sso_identity_bind(user=user, issuer=issuer, subject=subject)
    except IntegrityError:  # the same first login twice at once: fine if the other one bound it to this user
        if not ProviderIdentity.objects.filter(issuer=issuer, subject=subject, user=user).exists():
            return None, "failed"
    return user, ""


class ProviderBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend, which answers only the SSO callback (never a password login), checks the
    ID token's issuer, audience and expiry, and matches an existing user instead of creating one."""

    get_settings = staticmethod(setting)

    def __init__(self, *args, **kwargs):
        # The settings (and the provider's discovery document) are read when a login comes back, not here:
        # Django makes a backend on every request of a logged-in user.
        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        if request is None or "nonce" not in kwargs or not sso_enabled():
            return None  # only the callback view passes a nonce
        super().__init__()
        return super().authenticate(request, **kwargs)

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        issuer = settings.OIDC_OP_ISSUER or _discovery_issuer()
        audience = payload.get("aud")
        audience = [audience] if isinstance(audience, str) else audience or []
        if issuer and payload.get("iss") != issuer:
            raise SuspiciousOperation("ID token from another issuer.")
        if self.OIDC_RP_CLIENT_ID not in audience:
            raise SuspiciousOperation("ID token for another client.")
        if not isinstance(payload.get("exp"), int | float) or payload["exp"] < time.time():
            raise SuspiciousOperation("ID token expired.")
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        userinfo = self.get_userinfo(access_token, id_token, payload)
        if userinfo.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("The userinfo is about another subject than the ID token.")
        claims = {**userinfo, **payload}  # a claim the signed ID token carries wins over the userinfo's
        provider = str(payload.get("iss", ""))
        user, reason = user_for_identity(provider, str(payload.get("sub") or ""), claims)
        if user is None:
            with in_council_language():
                services.sso_login_refuse(
                    reason=str(REFUSALS[reason]), provider=provider, claim=settings.OIDC_MATCH_CLAIM
                )
            security_log.warning(
                "Single sign-on refused (%s): %s=%r, subject %r from %s.",
                reason,
                settings.OIDC_MATCH_CLAIM,
                str(claims.get(settings.OIDC_MATCH_CLAIM, ""))[:200],
                str(payload.get("sub", ""))[:200],
                provider,
            )
            self.request.raad_sso_refusal = reason
            return None
        amr = payload.get("amr")
        user.raad_sso = {
            "provider": provider,
            "amr": [str(v) for v in amr] if isinstance(amr, list) else [str(amr)] if amr else [],
            "acr": str(payload.get("acr") or ""),
            "second_factor_by_provider": second_factor_asserted(payload),
        }
        return user


def _discovery_issuer() -> str:
    return _discovery(settings.OIDC_OP_ISSUER)["issuer"] if settings.OIDC_OP_ISSUER else ""


class StartView(OIDCAuthenticationRequestView):
    """/konto/log-ind/kommune/: off to the provider (with the page asked for in `next`)."""

    get_settings = staticmethod(setting)

    def __init__(self, **kwargs):
        super(OIDCAuthenticationRequestView, self).__init__(**kwargs)  # the endpoints are read in get()

    def get(self, request):
        if not sso_enabled():
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = setting("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except (requests.RequestException, ValueError) as error:
            security_log.warning("Single sign-on: the provider's discovery document could not be read: %s", error)
            messages.error(request, str(REFUSALS["failed"]))
            return redirect("core:login")
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        request.session[LANGUAGE_SESSION_KEY] = translation.get_language()
        # One callback address whatever the page's language: the one registered with the provider.
        with translation.override(settings.LANGUAGE_CODE):
            return super().get(request)


class CallbackView(OIDCAuthenticationCallbackView):
    """/konto/log-ind/kommune/retur/: the provider sends the person back here with a code."""

    get_settings = staticmethod(setting)

    def get(self, request):
        if not sso_enabled():
            raise Http404
        self.language = request.session.get(LANGUAGE_SESSION_KEY) or settings.LANGUAGE_CODE
        try:
            return super().get(request)
        except (requests.RequestException, jwt.PyJWTError, SuspiciousOperation, ValueError, KeyError) as error:
            security_log.warning("Single sign-on failed: %s", error)
            return self.login_failure()
        except ImproperlyConfigured as error:  # e.g. the discovery document names no JWKS
            security_log.error("Single sign-on is not configured right: %s", error)
            return self.login_failure()

    def login_failure(self):
        with translation.override(self.language):
            messages.error(self.request, str(REFUSALS[getattr(self.request, "raad_sso_refusal", "failed")]))
            return redirect("core:login")

    def login_success(self):
        user, request = self.user, self.request
        with translation.override(self.language):
            next_url = self.success_url
            super().login_success()  # django.contrib.auth.login
            forget_provider_factor(request)
            sso = user.raad_sso
            services.sso_login_record(user=user, **sso)
            if not requires_two_factor(user):
                return redirect(next_url)
            if sso["second_factor_by_provider"]:
                remember_provider_factor(request, user)
                return redirect(next_url)
            target = "core:otp_verify" if confirmed_device(user) else "core:otp_setup"
            return redirect(f"{reverse(target)}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")

    @property
    def success_url(self):
        return self.request.session.get("oidc_login_next") or resolve_url(settings.LOGIN_REDIRECT_URL)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def form_action_origins() -> list[str]:
    """The provider's origins a form of Råd may lead to (added to the CSP's form-action by
    core.middleware.ContentSecurityPolicyMiddleware): "Log af" redirects there after a login through it. The
    issuer's, and the end_session_endpoint's when it is configured (read from settings, never fetched)."""
    if not sso_enabled():
        return []
    urls = [settings.OIDC_OP_ISSUER, settings.OIDC_OP_LOGOUT_ENDPOINT]
    return sorted({_origin(url) for url in urls if url.startswith(("https://", "http://"))})


def provider_logout_url(request) -> str | None:
    """Where to send someone who logs out of Råd after logging in through the provider: the provider's
    end_session_endpoint (OpenID Connect RP-Initiated Logout), which ends the provider's session too and sends the
    person back to the front page. None for a password login, without single sign-on, or when the provider
    names no such endpoint (then only Råd's session ends)."""
    id_token = request.session.get("oidc_id_token")
    if not sso_enabled() or not id_token:
        return None
    try:
        endpoint = setting("OIDC_OP_LOGOUT_ENDPOINT")
    except (requests.RequestException, ValueError) as error:
        security_log.warning("Single sign-on: no logout at the provider, its discovery document failed: %s", error)
        return None
    if not endpoint:
        return None
    if _origin(endpoint) not in form_action_origins():
        # The logout form's page allows forms to go only there (the CSP's form-action): the browser would stop.
        security_log.warning(
            "Single sign-on: the provider's logout %s is not on the issuer's host; set "
            "OIDC_END_SESSION_ENDPOINT to allow it",
            _origin(endpoint),
        )
        return None
    query = {
        "id_token_hint": id_token,
        "post_logout_redirect_uri": absolute_url("/"),
        "client_id": settings.OIDC_RP_CLIENT_ID,
    }
    return f"{endpoint}?{urlencode(query)}"


class LogoutView(auth_views.LogoutView):
    """/konto/log-af/ (POST): Råd's session ends; after a login through the provider, its session too."""

    def post(self, request, *args, **kwargs):
        target = provider_logout_url(request)  # read before the session is flushed
        response = super().post(request, *args, **kwargs)
        return redirect(target) if target else response
