"""Phones (issue #10): the main menu used to be always open, pushing the page ~490 px down. With JavaScript, DKFDS's
mobile drawer holds the menu behind a "Menu" button; without JavaScript the menu stays a plain open list (see
test_browser_nojs.py). On a phone the page's main heading is on the first screen, nothing scrolls sideways
(wide workspace tables scroll in their own box) and axe passes."""

from __future__ import annotations

import pytest

from raad.testing.axe import format_violations, run_axe
from raad.testing.browser import login
from raad.testing.reflow import reflow_problems_here

pytestmark = pytest.mark.browser

SLUG = "integrationsraadet"
PHONES = [(375, 667), (320, 568)]  # iPhone 8 / SE: the screen heights the main heading must fit in
PUBLIC = ["/", f"/raad/{SLUG}/", f"/raad/{SLUG}/medlemmer/", f"/raad/{SLUG}/moeder/", f"/raad/{SLUG}/kontakt/"]
WORKSPACE = [
    "/arbejdsrum/",
    f"/arbejdsrum/{SLUG}/",
    f"/arbejdsrum/{SLUG}/moeder/",
    f"/arbejdsrum/{SLUG}/journal/",
]


@pytest.fixture
def phone(browser, request):
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height}, locale="da-DK")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


def _problems(tab, path: str) -> list[str]:
    problems = []
    height = tab.viewport_size["height"]
    heading = tab.locator("main h1").first.bounding_box()
    if heading is None or heading["y"] + heading["height"] > height:
        problems.append(f"{path}: the main heading is not on the first screen ({heading}, screen {height}px)")
    return problems + reflow_problems_here(tab, path)


@pytest.mark.parametrize("phone", PHONES, indirect=True, ids=["375", "320"])
def test_public_pages_on_a_phone(phone, live_server, demo_data):
    problems = []
    for path in PUBLIC:
        phone.goto(f"{live_server.url}{path}")
        problems += _problems(phone, path)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("phone", PHONES, indirect=True, ids=["375", "320"])
def test_the_menu_is_a_drawer_behind_a_button(phone, live_server, demo_data):
    phone.goto(f"{live_server.url}/")
    menu_link = phone.locator(".raad-navigation").get_by_role("link", name="Medlemmer", exact=True)
    assert not menu_link.is_visible(), "the open menu list still pushes the page down"
    button = phone.get_by_role("button", name="Menu")
    assert button.is_visible() and button.get_attribute("aria-expanded") == "false"

    button.click()
    drawer = phone.locator(".mobile-drawer")
    drawer_link = drawer.get_by_role("link", name="Medlemmer", exact=True)
    drawer_link.wait_for(state="visible")
    assert button.get_attribute("aria-expanded") == "true"
    assert phone.evaluate("document.activeElement.textContent.trim()") == "Luk"
    phone.wait_for_timeout(400)  # DKFDS's slide-in animation
    violations = run_axe(phone)
    assert not violations, format_violations("open drawer", violations)

    phone.keyboard.press("Escape")
    assert not drawer.is_visible()
    assert phone.evaluate("document.activeElement.classList.contains('js-menu-open')")

    button.click()
    drawer_link.click()
    phone.wait_for_url(f"{live_server.url}/raad/{SLUG}/medlemmer/")


def test_the_menu_button_is_hidden_on_a_wide_screen(page, live_server, demo_data):
    page.goto(f"{live_server.url}/")
    assert not page.get_by_role("button", name="Menu").is_visible()
    assert page.locator(".raad-navigation").get_by_role("link", name="Medlemmer", exact=True).is_visible()


def test_the_menu_button_is_hidden_without_javascript(browser, live_server, demo_data):
    context = browser.new_context(viewport={"width": 320, "height": 568}, locale="da-DK", java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(f"{live_server.url}/")
        assert not tab.get_by_role("button", name="Menu").is_visible()
        assert tab.locator(".raad-navigation").get_by_role("link", name="Medlemmer", exact=True).is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("phone", PHONES, indirect=True, ids=["375", "320"])
def test_workspace_pages_on_a_phone(phone, live_server, demo_data):
    login(phone, live_server, "sekretariat")
    problems = []
    for path in WORKSPACE:
        phone.goto(f"{live_server.url}{path}")
        problems += _problems(phone, path)
    assert not problems, "\n".join(problems)
