"""Municipal single sign-on end to end: Chromium, Råd's live server and a real OpenID Connect provider process
(raad/testing/oidc/provider.mjs, npm oidc-provider) with fictional accounts."""

from __future__ import annotations

import pytest

from raad.core.models import AuditEntry
from raad.core.services import totp_device_create_confirmed
from raad.testing import oidc_provider, totp_code
from raad.testing.plugin import in_ci, loud

pytestmark = pytest.mark.browser

WORKSPACE = "/arbejdsrum/integrationsraadet/"
UNKNOWN = "Dit login fra kommunen passer ikke til en bruger i Råd. Kontakt rådets sekretariat, eller log ind med brugernavn og adgangskode."
BOUND = (
    "Din bruger i Råd er knyttet til et andet login fra kommunen. Kontakt rådets sekretariat, "
    "eller log ind med brugernavn og adgangskode."
)
UNVERIFIED = (
    "Kommunens login har ikke bekræftet din e-mailadresse, så Råd kan ikke vide, hvem du er. "
    "Kontakt rådets sekretariat, eller log ind med brugernavn og adgangskode."
)


@pytest.fixture(scope="module")
def provider(live_server):
    try:
        process, issuer = oidc_provider.start(f"{live_server.url}/konto/log-ind/kommune/retur/", f"{live_server.url}/")
    except oidc_provider.ProviderUnavailable as error:
        if in_ci():
            pytest.fail(f"CI=true: {error}", pytrace=False)
        loud(f"SKIPPING SINGLE SIGN-ON TESTS: {error}")
        pytest.skip(str(error))
    yield issuer
    oidc_provider.stop(process)


@pytest.fixture
def sso(settings, provider, live_server):
    settings.SITE_URL = live_server.url  # where the provider's logout sends the person back
    settings.OIDC_RP_CLIENT_ID = oidc_provider.CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = oidc_provider.CLIENT_SECRET
    settings.OIDC_OP_ISSUER = provider  # the endpoints come from its discovery document
    return provider


def _sign_in(browser, live_server, account: str, *, path: str = "/konto/log-ind/"):
    """A new browser (no provider session): Råd's login page → the provider's form → back to Råd."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    tab.goto(f"{live_server.url}{path}")
    with tab.expect_navigation():
        tab.get_by_role("link", name="Log ind med kommunens login").click()
    tab.fill("input[name=login]", account)
    with tab.expect_navigation(url=f"{live_server.url}/**"):
        tab.click("button[type=submit]")
    tab.wait_for_load_state()
    return context, tab


def test_single_sign_on(browser, page, live_server, cast, sso, assert_accessible):
    totp_device_create_confirmed(user=cast.secretary, key_hex="48656c6c6f21deadbeef", by=None)

    # The login page offers both ways, in Danish and English, accessible on desktop and at 320 px.
    for path, button in (
        ("/konto/log-ind/", "Log ind med kommunens login"),
        ("/en/konto/log-ind/", "Log in with the municipality's login"),
    ):
        page.goto(f"{live_server.url}{path}")
        assert page.get_by_role("link", name=button).count() == 1
        assert page.locator("input[name=password]").count() == 1
        for width in (1280, 320):
            page.set_viewport_size({"width": width, "height": 900})
            assert_accessible(page)

    # A member goes through the provider into the workspace; no second factor is asked of a member.
    context, tab = _sign_in(browser, live_server, "ahmad")
    assert tab.url == f"{live_server.url}{WORKSPACE}"  # the dashboard sends a member of one council there
    # … and logs out: of Råd and, asked by the provider, of the municipality's login too (RP-Initiated Logout);
    # then back on the front page, and the workspace asks for a login again.
    with tab.expect_navigation():
        tab.get_by_role("button", name="Log af").click()
    assert tab.url.startswith(f"{sso}/session/end")
    assert tab.get_by_role("heading").inner_text() == "Vil du også logge af kommunens login?"
    with tab.expect_navigation(url=f"{live_server.url}/"):
        tab.get_by_role("button", name="Ja, log af").click()
    tab.goto(f"{live_server.url}/arbejdsrum/")
    assert tab.url.startswith(f"{live_server.url}/konto/log-ind/")
    # The provider's session ended too: its login asks who one is again, instead of letting Ahmad straight back in.
    with tab.expect_navigation():
        tab.get_by_role("link", name="Log ind med kommunens login").click()
    assert tab.url.startswith(f"{sso}/interaction/") and tab.locator("input[name=login]").count() == 1
    context.close()

    # Logging out without the provider's logout (the person says no there): Råd's session has ended all the same.
    context, tab = _sign_in(browser, live_server, "ahmad")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Log af").click()
    tab.get_by_role("button", name="Nej, forbliv logget ind").click()
    tab.wait_for_load_state()
    tab.goto(f"{live_server.url}/arbejdsrum/")
    assert tab.url.startswith(f"{live_server.url}/konto/log-ind/")
    context.close()

    # The secretariat with a second factor asserted by the provider (amr mfa) goes straight in.
    context, tab = _sign_in(browser, live_server, "camilla-mfa")
    assert tab.url == f"{live_server.url}/arbejdsrum/"  # the secretariat's desk
    context.close()

    # Without it, Råd asks for its own one-time code first.
    context, tab = _sign_in(browser, live_server, "camilla")
    assert tab.url.startswith(f"{live_server.url}/konto/log-ind/kode/")
    tab.goto(f"{live_server.url}/arbejdsrum/")
    assert tab.url.startswith(f"{live_server.url}/konto/log-ind/kode/")
    tab.fill("input[name=token]", totp_code(cast.secretary))
    with tab.expect_navigation():
        tab.click("form:has(input[name=token]) button[type=submit]")
    assert tab.url == f"{live_server.url}/arbejdsrum/"
    context.close()

    # An unverified e-mail (Mariam has a login in Råd), an unknown person, and another person at the provider given
    # Ahmad's address (his account is bound to his own identity since his first login) are refused, with the reason.
    for account, message in (("mariam", UNVERIFIED), ("ukendt", UNKNOWN), ("ny-ahmad", BOUND)):
        context, tab = _sign_in(browser, live_server, account)
        assert tab.url == f"{live_server.url}/konto/log-ind/"
        assert tab.get_by_role("alert").inner_text().strip() == message
        assert_accessible(tab)
        context.close()

    journal = list(
        AuditEntry.objects.filter(verb__startswith="user.sso_")
        .order_by("id")
        .values_list("verb", "actor__username", "changes")
    )
    assert [(verb, actor, changes.get("second_factor_by_provider")) for verb, actor, changes in journal] == [
        ("user.sso_bound", "medlem", None),  # the first login binds the provider's subject to the user
        ("user.sso_login", "medlem", False),
        ("user.sso_login", "medlem", False),
        ("user.sso_bound", "sekretariat", None),
        ("user.sso_login", "sekretariat", True),
        ("user.sso_login", "sekretariat", False),  # the same subject with and without a second factor
        ("user.sso_refused", None, None),
        ("user.sso_refused", None, None),
        ("user.sso_refused", None, None),
    ]
    assert journal[4][2]["amr"] == ["pwd", "mfa"]
    assert [changes["reason"] for _, _, changes in journal[6:]] == [UNVERIFIED, UNKNOWN, BOUND]
    assert "mariam@test.invalid" not in str(journal)
