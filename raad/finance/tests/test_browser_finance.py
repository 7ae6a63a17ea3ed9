"""In Chromium with JavaScript off: axe-core finds nothing on every finance page (the overview with its chart
and table, budget, expenses, a new expense, an expense, the claims queue, a claim, the desk, "Mine udlæg"), in
Danish and English, at 1280 and 320 pixels (no sideways scrolling); a member submits a claim without
JavaScript, a bad amount is refused with the typed text kept."""

from __future__ import annotations

from decimal import Decimal

import pytest

from raad.finance.models import Claim, Expense
from raad.testing.browser import login
from raad.testing.reflow import reflow_problems, reflow_problems_here

pytestmark = pytest.mark.browser

SLUG = "integrationsraadet"
W = f"/arbejdsrum/{SLUG}/oekonomi/"


def _context(browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK", java_script_enabled=False)
    context.set_default_timeout(15_000)
    return context


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_finance_pages_pass_axe_and_reflow(browser, live_server, demo_data, prefix, width):
    expense = Expense.objects.filter(reverses__isnull=True, reversal__isnull=True).first()
    waiting = Claim.objects.get(status=Claim.Status.SUBMITTED)
    secretariat_pages = [
        ("desk", f"{prefix}/arbejdsrum/{SLUG}/"),
        ("overview", f"{prefix}{W}"),
        ("budget", f"{prefix}{W}budget/"),
        ("expenses", f"{prefix}{W}udgifter/"),
        ("new expense", f"{prefix}{W}udgifter/ny/"),
        ("expense", f"{prefix}{W}udgifter/{expense.pk}/"),
        ("claims", f"{prefix}{W}krav/"),
        ("claim", f"{prefix}{W}krav/{waiting.pk}/"),
    ]
    context = _context(browser, width)
    page = context.new_page()
    try:
        login(page, live_server, "sekretariat")
        problems = reflow_problems(page, live_server.url, secretariat_pages)
        page.goto(f"{live_server.url}{prefix}{W}")
        assert page.locator("main svg[role=img] title").count() == 1
        assert page.locator("main table tbody tr").count() == 6  # the same lines as the chart's bars
    finally:
        context.close()
    context = _context(browser, width)
    page = context.new_page()
    try:
        login(page, live_server, "medlem")
        problems += reflow_problems(
            page,
            live_server.url,
            [("member desk", f"{prefix}/arbejdsrum/{SLUG}/"), ("my claims", f"{prefix}{W}mine-udlaeg/")],
        )
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_a_member_claims_transport_without_javascript(browser, live_server, demo_data):
    context = _context(browser, 1280)
    page = context.new_page()
    try:
        login(page, live_server, "medlem")
        page.goto(f"{live_server.url}{W}mine-udlaeg/")
        page.click("label[for=id_kind_1]")
        page.fill("#id_what", "Parkering ved rådhuset")
        page.fill("#id_amount", "1,234.50")
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        assert "Skriv beløbet i kroner og øre som fx 1.234,50" in page.inner_text("main")
        assert page.locator("#id_what").input_value() == "Parkering ved rådhuset"
        problems = reflow_problems_here(page, "my claims with errors")
        page.click("label[for=id_kind_0]")
        page.fill("#id_what", "Kørsel til dialogmøde")
        page.fill("#id_amount", "")
        page.fill("#id_km", "12,5")
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        assert "Dit udlæg er sendt til sekretariatet." in page.inner_text("main")
        claim = Claim.objects.get(what="Kørsel til dialogmøde")
        assert claim.amount == Decimal("47.63") and claim.claimant.username == "medlem"
        assert not problems, "\n".join(problems)
    finally:
        context.close()
