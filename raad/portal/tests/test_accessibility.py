"""axe-core (WCAG 2.1 A and AA) finds nothing on any public page, in Danish and English, nor in the workspace.

Each page is loaded in headless Chromium from the live server with the demo data, then checked by
`assert_accessible`, which fails with the rule, impact, element and help text of every violation.
"""

from __future__ import annotations

import pytest

from raad.testing.browser import login

pytestmark = pytest.mark.browser

COUNCIL = "/raad/integrationsraadet"

# (name, path, expected HTTP status)
PUBLIC_PAGES = [
    ("front page", "/", 200),
    ("council", f"{COUNCIL}/", 200),
    ("members", f"{COUNCIL}/medlemmer/", 200),
    ("rules of procedure in force", f"{COUNCIL}/forretningsorden/", 200),
    ("rules of procedure version 1", f"{COUNCIL}/forretningsorden/version-1/", 200),
    ("rules of procedure on a date", f"{COUNCIL}/forretningsorden/?dato=2026-03-01", 200),
    ("rules of procedure, bad date", f"{COUNCIL}/forretningsorden/?dato=1.%20marts", 400),
    ("contact", f"{COUNCIL}/kontakt/", 200),
    ("accessibility statement", "/tilgaengelighed/", 200),
    ("privacy", "/persondata/", 200),
    ("login", "/konto/log-ind/", 200),
    ("password reset", "/konto/adgangskode/", 200),
    ("page not found", "/findes-ikke/", 404),
]
LANGUAGES = [("da", ""), ("en", "/en")]


def _open(page, url: str, status: int, language: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == status, f"{url}: HTTP {response and response.status}"
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() >= 1, f"{url} has no h1"
    # axe judges contrast on the styled page: every stylesheet (DKFDS, raad.css) must have loaded.
    sheets = page.evaluate(STYLESHEETS)
    assert len(sheets) >= 2 and all(rules > 0 for _href, rules in sheets), f"{url}: stylesheets not loaded: {sheets}"


STYLESHEETS = """() => [...document.styleSheets].map(sheet => {
  try { return [sheet.href, sheet.cssRules.length]; } catch (error) { return [sheet.href, 0]; }
})"""


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES, ids=[code for code, _ in LANGUAGES])
@pytest.mark.parametrize(("name", "path", "status"), PUBLIC_PAGES, ids=[name for name, _, _ in PUBLIC_PAGES])
def test_public_page_has_no_axe_violations(
    page, live_server, demo_data, assert_accessible, name, path, status, language, prefix
):
    _open(page, f"{live_server.url}{prefix}{path}", status, language)
    assert_accessible(page)


def test_bad_date_shows_the_error_and_still_passes_axe(page, live_server, demo_data, assert_accessible):
    _open(page, f"{live_server.url}{COUNCIL}/forretningsorden/?dato=i-morgen", 400, "da")
    assert "ÅÅÅÅ-MM-DD" in page.inner_text("main")
    assert_accessible(page)


WORKSPACE = "/arbejdsrum/integrationsraadet"
SECRETARIAT_PAGES = [
    ("dashboard", "/arbejdsrum/"),
    ("council desk", f"{WORKSPACE}/"),
    ("terms of reference", f"{WORKSPACE}/kommissorium/"),
    ("rules of procedure versions", f"{WORKSPACE}/forretningsorden/"),
    ("new rules version", f"{WORKSPACE}/forretningsorden/ny/"),
    ("audit journal", f"{WORKSPACE}/journal/"),
]


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES, ids=[code for code, _ in LANGUAGES])
def test_secretariat_workspace_has_no_axe_violations(page, live_server, demo_data, assert_accessible, language, prefix):
    login(page, live_server, "sekretariat")  # password, then the one-time code
    for _name, path in SECRETARIAT_PAGES:
        _open(page, f"{live_server.url}{prefix}{path}", 200, language)
        assert_accessible(page)


def test_secretariat_form_errors_have_no_axe_violations(page, live_server, demo_data, assert_accessible):
    """A new rules version submitted empty: the error summary and field errors must be accessible too."""
    login(page, live_server, "sekretariat")
    _open(page, f"{live_server.url}{WORKSPACE}/forretningsorden/ny/", 200, "da")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()
    assert page.locator(".form-error-message").count() >= 1, "an empty form should show field errors"
    assert_accessible(page)


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES, ids=[code for code, _ in LANGUAGES])
def test_member_dashboard_has_no_axe_violations(page, live_server, demo_data, assert_accessible, language, prefix):
    login(page, live_server, "medlem")  # members have no second factor
    _open(page, f"{live_server.url}{prefix}/arbejdsrum/", 200, language)
    assert "Ahmad" in page.inner_text("main")
    assert_accessible(page)


def test_login_page_with_wrong_password_has_no_axe_violations(page, live_server, demo_data, assert_accessible):
    page.goto(f"{live_server.url}/konto/log-ind/")
    page.fill("input[name=username]", "medlem")
    page.fill("input[name=password]", "forkert-adgangskode")
    with page.expect_navigation():
        page.click("form:has(input[name=username]) button[type=submit]")
    assert "forkert" in page.inner_text("main")
    assert_accessible(page)


ACCOUNT_PAGES = [
    ("password reset sent", "/konto/adgangskode/sendt/", 200),
    ("password reset, invalid link", "/konto/adgangskode/ny/MQ/ugyldig-kode/", 200),
    ("password reset complete", "/konto/adgangskode/faerdig/", 200),
]


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES, ids=[code for code, _ in LANGUAGES])
@pytest.mark.parametrize(("name", "path", "status"), ACCOUNT_PAGES, ids=[name for name, _, _ in ACCOUNT_PAGES])
def test_account_page_has_no_axe_violations(
    page, live_server, demo_data, assert_accessible, name, path, status, language, prefix
):
    _open(page, f"{live_server.url}{prefix}{path}", status, language)
    assert_accessible(page)


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES, ids=[code for code, _ in LANGUAGES])
def test_one_time_code_page_and_its_error_have_no_axe_violations(
    page, live_server, demo_data, assert_accessible, language, prefix
):
    page.goto(f"{live_server.url}{prefix}/konto/log-ind/")
    page.fill("input[name=username]", "sekretariat")
    page.fill("input[name=password]", demo_data["password"])
    with page.expect_navigation():
        page.click("form:has(input[name=username]) button[type=submit]")
    assert "/log-ind/kode/" in page.url
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)
    page.fill("input[name=token]", "12345")  # five digits: refused
    with page.expect_navigation():
        page.click("form:has(input[name=token]) button[type=submit]")
    assert page.locator(".form-error-message").count() == 1
    assert_accessible(page)


def test_two_factor_setup_page_has_no_axe_violations(page, live_server, demo_data, assert_accessible):
    """A new secretariat account without an authenticator is sent to set one up (QR code and key)."""
    import datetime

    from raad.core.roles import Role
    from raad.core.services import user_create
    from raad.councils.services import staff_assign

    user = user_create(username="ny-sekretaer", email="ny@demo.invalid", password=demo_data["password"], by=None)
    staff_assign(
        council=demo_data["council"], user=user, role=Role.SECRETARIAT, starts_on=datetime.date(2026, 1, 1), by=None
    )
    page.goto(f"{live_server.url}/konto/log-ind/")
    page.fill("input[name=username]", "ny-sekretaer")
    page.fill("input[name=password]", demo_data["password"])
    with page.expect_navigation():
        page.click("form:has(input[name=username]) button[type=submit]")
    assert "/log-ind/tofaktor/" in page.url
    assert page.locator("main svg").count() >= 1  # the QR code
    assert_accessible(page)


def test_forbidden_page_has_no_axe_violations(page, live_server, demo_data, assert_accessible):
    login(page, live_server, "medlem")
    response = page.goto(f"{live_server.url}{WORKSPACE}/kommissorium/")
    assert response is not None and response.status == 403
    assert_accessible(page)


def test_locked_out_page_has_no_axe_violations(page, live_server, demo_data, assert_accessible):
    from django.conf import settings

    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        page.goto(f"{live_server.url}/konto/log-ind/")
        page.fill("input[name=username]", "medlem")
        page.fill("input[name=password]", "forkert-adgangskode")
        with page.expect_navigation() as navigation:
            page.click("form:has(input[name=username]) button[type=submit]")
    assert navigation.value.status == 429
    assert page.inner_text("h1") == "Log-ind er sat på pause"
    assert_accessible(page)
