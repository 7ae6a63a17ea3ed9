"""Municipal single sign-on without a provider: off when not configured, the claim matching, the two-factor rule.
The whole login against a real provider is test_sso_browser.py."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.test import RequestFactory

from raad.core.models import User
from raad.core.sso import second_factor_asserted, user_for_claims, user_for_identity
from raad.core.twofactor import PROVIDER_FACTOR_SESSION_KEY
from raad.testing.cast import PASSWORD, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def configured(settings):
    settings.OIDC_RP_CLIENT_ID = "raad"
    settings.OIDC_RP_CLIENT_SECRET = "secret"
    settings.OIDC_OP_ISSUER = ""
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "http://127.0.0.1:9/auth"  # nothing listens: no request may go out
    settings.OIDC_OP_TOKEN_ENDPOINT = "http://127.0.0.1:9/token"
    settings.OIDC_OP_USER_ENDPOINT = "http://127.0.0.1:9/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = "http://127.0.0.1:9/jwks"


def test_without_configuration_there_is_the_password_login_only(client):
    page = client.get("/konto/log-ind/").content.decode()
    assert "Log ind med kommunens login" not in page
    assert 'name="password"' in page
    assert client.get("/konto/log-ind/kommune/").status_code == 404
    assert client.get("/konto/log-ind/kommune/retur/?code=c&state=s").status_code == 404


def test_configured_the_login_page_offers_both(client, configured):
    page = client.get("/konto/log-ind/?next=/arbejdsrum/").content.decode()
    assert 'href="/konto/log-ind/kommune/?next=/arbejdsrum/"' in page
    assert 'name="password"' in page


def test_the_backend_answers_only_the_callback(configured):
    """A password login whose address carries code and state never reaches the provider."""
    user = make_user("medlem", "Ahmad", "Rahimi")
    request = RequestFactory().post("/konto/log-ind/?code=c&state=s")
    assert authenticate(request, username="medlem", password=PASSWORD) == user


def test_an_identity_names_one_existing_user_by_a_verified_claim(settings):
    ahmad = make_user("medlem", "Ahmad", "Rahimi")
    make_user("sara", "Sara", "Lindholm", email="sara@test.invalid")
    User.objects.filter(username="sara").update(is_active=False)  # a closed account
    verified = {"email_verified": True}
    assert user_for_claims({**verified, "email": "AHMAD@test.invalid"}) == (ahmad, "")
    assert user_for_claims({"email": "ahmad@test.invalid", "email_verified": False}) == (None, "unverified")
    assert user_for_claims({"email": "ahmad@test.invalid"}) == (None, "unverified")
    assert user_for_claims({**verified, "email": "ukendt@test.invalid"}) == (None, "unknown")
    assert user_for_claims({**verified, "email": "sara@test.invalid"}) == (None, "unknown")
    make_user("ahmad2", "Ahmad", "Rahimi", email="ahmad@test.invalid")
    assert user_for_claims({**verified, "email": "ahmad@test.invalid"}) == (None, "ambiguous")
    settings.OIDC_MATCH_CLAIM = "preferred_username"
    assert user_for_claims({"preferred_username": "medlem"}) == (ahmad, "")
    assert user_for_claims({"email": "ahmad@test.invalid", "email_verified": True}) == (None, "unknown")


def test_only_the_id_tokens_amr_or_acr_proves_a_second_factor(settings):
    settings.OIDC_MFA_AMR = ["mfa", "otp", "hwk"]
    settings.OIDC_MFA_ACR = ["https://data.gov.dk/concept/core/nsis/Substantial"]
    assert second_factor_asserted({"amr": ["pwd", "mfa"]}) is True
    assert second_factor_asserted({"amr": "otp"}) is True
    assert second_factor_asserted({"amr": ["pwd"], "acr": "https://data.gov.dk/concept/core/nsis/Substantial"}) is True
    assert second_factor_asserted({"amr": ["pwd"], "acr": "https://data.gov.dk/concept/core/nsis/Low"}) is False
    assert second_factor_asserted({"amr": ["pwd"]}) is False
    assert second_factor_asserted({}) is False


def test_a_password_login_drops_a_second_factor_from_an_earlier_sso_login(client):
    user = make_user("sekretariat", "Camilla", "Holt")
    User.objects.filter(pk=user.pk).update(is_staff=True)  # staff must have a second factor
    client.force_login(user)
    session = client.session
    session[PROVIDER_FACTOR_SESSION_KEY] = str(user.pk)
    session.save()
    assert client.get("/konto/konto/").status_code == 200  # the provider's second factor counts
    response = client.post("/konto/log-ind/", {"username": "sekretariat", "password": PASSWORD})
    assert response.url.startswith("/konto/log-ind/tofaktor/")
    assert PROVIDER_FACTOR_SESSION_KEY not in client.session
    assert client.get("/konto/konto/").url.startswith("/konto/log-ind/tofaktor/")


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("da", "Log ind med kommunens login lykkedes ikke. Prøv igen, eller log ind med brugernavn og adgangskode."),
        (
            "en",
            "Logging in with the municipality&#x27;s login did not succeed. Try again, or log in with user name and password.",
        ),
    ],
)
def test_a_login_the_provider_refused_returns_to_the_login_page_with_the_reason(client, configured, language, message):
    session = client.session
    session["raad_sso_language"] = language
    session.save()
    response = client.get("/konto/log-ind/kommune/retur/?error=access_denied&state=s", follow=True)
    assert response.redirect_chain[-1][0] == ("/konto/log-ind/" if language == "da" else "/en/konto/log-ind/")
    assert message in response.content.decode()


@pytest.mark.parametrize("state", ["s", "forged"])
def test_a_provider_that_does_not_answer_or_a_forged_state_is_a_failed_login_not_an_error(client, configured, state):
    session = client.session
    session["oidc_states"] = {"s": {"nonce": "n", "code_verifier": "v" * 64}}
    session.save()
    response = client.get(f"/konto/log-ind/kommune/retur/?code=c&state={state}", follow=True)
    assert response.redirect_chain == [("/konto/log-ind/", 302)]
    assert "Log ind med kommunens login lykkedes ikke." in response.content.decode()
    assert "_auth_user_id" not in client.session


def _logged_in_through_provider(client, id_token="header.payload.signature"):
    user = User.objects.filter(username="medlem").first() or make_user("medlem", "Ahmad", "Rahimi")
    client.force_login(user)
    session = client.session
    session["oidc_id_token"] = id_token
    session.save()


def test_logging_out_after_a_provider_login_ends_the_providers_session_too(client, configured, settings):
    settings.OIDC_OP_LOGOUT_ENDPOINT = "http://127.0.0.1:9/session/end"  # on the issuer's host (configured below)
    settings.OIDC_OP_ISSUER = "http://127.0.0.1:9"
    _logged_in_through_provider(client)
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "form-action 'self' http://127.0.0.1:9;" in policy  # the logout form may lead there
    response = client.post("/konto/log-af/")
    assert response.status_code == 302
    assert response.url == (
        "http://127.0.0.1:9/session/end?id_token_hint=header.payload.signature"
        "&post_logout_redirect_uri=https%3A%2F%2Fraad.test%2F&client_id=raad"
    )
    assert "_auth_user_id" not in client.session  # Råd's session has ended in any case


def test_logging_out_stays_in_raad_when_the_provider_cannot_be_asked_or_named_no_logout(client, configured, settings):
    settings.OIDC_OP_ISSUER = "http://127.0.0.1:9"  # nothing listens: the discovery document cannot be read
    _logged_in_through_provider(client)
    response = client.post("/konto/log-af/")
    assert (response.status_code, response.url) == (302, "/")
    assert "_auth_user_id" not in client.session
    # A provider configured endpoint by endpoint, without a logout endpoint: only Råd's session can end.
    settings.OIDC_OP_ISSUER = ""
    _logged_in_through_provider(client)
    assert client.post("/konto/log-af/").url == "/"


def test_without_single_sign_on_the_policy_allows_forms_only_to_raad(client):
    assert "form-action 'self';" in client.get("/").headers["Content-Security-Policy"]


ISSUER = "https://login.kommune.invalid"


def test_the_first_login_binds_the_providers_subject_and_later_logins_follow_it(capsys):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from raad.core.models import AuditEntry, ProviderIdentity

    ahmad = make_user("medlem", "Ahmad", "Rahimi")
    claims = {"email": "ahmad@test.invalid", "email_verified": True}
    assert user_for_identity(ISSUER, "sub-ahmad", claims) == (ahmad, "")  # matched by the e-mail, and bound
    assert list(ProviderIdentity.objects.values_list("user__username", "issuer", "subject")) == [
        ("medlem", ISSUER, "sub-ahmad")
    ]
    # The provider changes Ahmad's address: the subject still names him.
    assert user_for_identity(ISSUER, "sub-ahmad", {"email": "a.rahimi@test.invalid", "email_verified": True}) == (
        ahmad,
        "",
    )
    # Another identity of the provider given Ahmad's old address (reused) does not take over his account …
    assert user_for_identity(ISSUER, "sub-ny", claims) == (None, "bound")
    # … nor does an identity without a subject; another provider's identity is bound on its own.
    assert user_for_identity(ISSUER, "", claims) == (None, "failed")
    assert user_for_identity("https://andet.invalid", "sub-ahmad", claims) == (ahmad, "")
    # A bound account that is closed logs in no more.
    User.objects.filter(pk=ahmad.pk).update(is_active=False)
    assert user_for_identity(ISSUER, "sub-ahmad", claims) == (None, "unknown")
    User.objects.filter(pk=ahmad.pk).update(is_active=True)
    # The operator unbinds him (a new account at the provider): the new identity is matched and bound.
    call_command("sso_unbind", "medlem")
    assert "medlem: 2 binding(s) removed" in capsys.readouterr().out
    assert user_for_identity(ISSUER, "sub-ny", claims) == (ahmad, "")
    with pytest.raises(CommandError, match="No user is called 'ingen'"):
        call_command("sso_unbind", "ingen")
    verbs = list(AuditEntry.objects.filter(verb__startswith="user.sso_").order_by("id").values_list("verb", "changes"))
    assert verbs == [
        ("user.sso_bound", {"provider": ISSUER}),
        ("user.sso_bound", {"provider": "https://andet.invalid"}),
        ("user.sso_unbound", {"provider": ISSUER}),
        ("user.sso_unbound", {"provider": "https://andet.invalid"}),
        ("user.sso_bound", {"provider": ISSUER}),
    ]
    assert "sub-" not in str(verbs)  # the provider's identifiers stay out of the journal
