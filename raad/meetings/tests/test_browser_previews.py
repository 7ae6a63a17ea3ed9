"""In Chromium: the pages that show what will be sent before it is sent (the notice, an apology, a call for
nominations) pass axe at desktop width and at 320 px, do not scroll sideways at 320 px, and work as forms
without JavaScript."""

from __future__ import annotations

import pytest

from raad.testing.browser import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _check_both_widths(page, assert_accessible):
    # A click's navigation has committed (page.url is the new one) but the page may not be parsed yet, and
    # count() does not wait: wait for the load first (under load in CI it once counted 0 headings).
    page.wait_for_load_state()
    assert page.locator("h1").count() == 1, page.url
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    page.reload()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320, page.url
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_preview_pages_are_accessible_and_narrow(browser, live_server, demo_data, assert_accessible):
    from raad.meetings.models import Meeting

    council = demo_data["council"]
    upcoming = Meeting.objects.filter(council=council, status=Meeting.Status.PLANNED).order_by("starts_at").last()
    base = f"{live_server.url}/arbejdsrum/{council.slug}/moeder/{upcoming.pk}/"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK", java_script_enabled=False)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        login(page, live_server, "sekretariat")
        page.goto(base)
        page.get_by_role("link", name="Send indkaldelse").click()
        assert page.url == base + "indkald/"
        assert "Intet er sendt endnu" in page.inner_text("main")
        _check_both_widths(page, assert_accessible)

        page.goto(f"{live_server.url}/arbejdsrum/{council.slug}/bemanding/indkaldelser/")
        page.get_by_label("Overskrift").fill("Ny plads i foråret")
        page.get_by_label("Frist").fill("2027-01-15T12:00")
        page.get_by_role("button", name="Se indkaldelsen, før den sendes").click()
        assert "Kontrollér indkaldelsen" in page.inner_text("h1")
        assert_accessible(page)
        page.get_by_role("button", name="Ret indkaldelsen").click()
        assert page.get_by_label("Overskrift").input_value() == "Ny plads i foråret"

        page.context.clear_cookies()
        login(page, live_server, "medlem")
        page.goto(base)
        page.get_by_role("link", name="Meld afbud").click()
        assert page.url == base + "afbud/"
        _check_both_widths(page, assert_accessible)
        page.get_by_role("button", name="Bekræft afbud").click()
        assert "Dit afbud er registreret" in page.inner_text("main")
        page.get_by_role("button", name="Træk afbuddet tilbage").click()
        assert "Dit afbud er trukket tilbage" in page.inner_text("main")
    finally:
        context.close()
