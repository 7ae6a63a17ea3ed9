"""Every page works with JavaScript off: the menu is there on a phone, and the secretariat can log in
with password and one-time code and open the workspace."""

from __future__ import annotations

import pytest

from raad.portal.tests.test_accessibility import SECRETARIAT_PAGES
from raad.testing.browser import login

pytestmark = pytest.mark.browser


@pytest.fixture
def no_js(browser):
    contexts = []

    def open_page(width: int):
        context = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": 800})
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", [320, 1280])
def test_menu_and_header_links_are_visible_without_javascript(no_js, live_server, demo_data, width):
    page = no_js(width)
    page.goto(f"{live_server.url}/")
    for name in ("Medlemmer", "Forretningsorden", "Kontakt", "Log ind"):
        link = page.get_by_role("link", name=name, exact=True).first
        assert link.is_visible(), f"{name!r} is hidden at {width}px without JavaScript"
    assert page.get_by_role("link", name="English", exact=True).is_visible()
    page.get_by_role("link", name="Medlemmer", exact=True).first.click()
    page.wait_for_url(f"{live_server.url}/raad/integrationsraadet/medlemmer/")
    assert page.inner_text("h1")


def test_secretariat_logs_in_and_works_without_javascript(no_js, live_server, demo_data):
    page = no_js(1280)
    login(page, live_server, "sekretariat")  # password form, then the one-time-code form
    for name, path in SECRETARIAT_PAGES:
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None and response.status == 200, f"{name}: HTTP {response and response.status}"
        assert "/log-ind/" not in page.url
