"""The language switch works without JavaScript: plain links to the same page in the other language."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def page_without_javascript(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900}, locale="da-DK")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


def test_switch_to_english_without_javascript(page_without_javascript, live_server, demo_data):
    page = page_without_javascript
    page.goto(f"{live_server.url}/raad/integrationsraadet/medlemmer/")
    assert page.locator("html").get_attribute("lang") == "da"

    with page.expect_navigation():
        page.get_by_role("link", name="English", exact=True).click()
    assert page.url == f"{live_server.url}/en/raad/integrationsraadet/medlemmer/"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("link", name="Dansk", exact=True).count() == 1


def test_switch_back_to_danish_without_javascript(page_without_javascript, live_server, demo_data):
    page = page_without_javascript
    page.goto(f"{live_server.url}/en/raad/integrationsraadet/medlemmer/")
    assert page.locator("html").get_attribute("lang") == "en"

    with page.expect_navigation():
        page.get_by_role("link", name="Dansk", exact=True).click()
    assert page.url == f"{live_server.url}/raad/integrationsraadet/medlemmer/"
    assert page.locator("html").get_attribute("lang") == "da"


def test_front_page_language_switch_without_javascript(page_without_javascript, live_server, demo_data):
    page = page_without_javascript
    page.goto(f"{live_server.url}/")
    with page.expect_navigation():
        page.get_by_role("link", name="English", exact=True).click()
    assert page.url == f"{live_server.url}/en/"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("link", name="Dansk", exact=True).count() == 1
