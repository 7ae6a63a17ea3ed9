"""In Chromium with JavaScript off: the API's documentation page (linked from every page's footer) and the
secretariat's API keys pass axe-core and do not scroll sideways, in Danish and English, at 1280 and 320 pixels;
the secretariat makes a key without JavaScript and sees its secret once."""

from __future__ import annotations

import pytest

from raad.testing.browser import login
from raad.testing.reflow import reflow_problems, reflow_problems_here

pytestmark = pytest.mark.browser

SLUG = "integrationsraadet"


@pytest.mark.parametrize("width", [1280, 320])
def test_open_data_pages_pass_axe_and_reflow(browser, live_server, demo_data, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK", java_script_enabled=False)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/")
        page.click("footer a:text-is('Åbne data')")
        page.wait_for_load_state()
        assert page.url == f"{live_server.url}/aabne-data/"
        problems = reflow_problems_here(page, "documentation (/aabne-data/)")
        problems += reflow_problems(page, live_server.url, [("documentation", "/en/aabne-data/")])
        login(page, live_server, "sekretariat")
        problems += reflow_problems(
            page,
            live_server.url,
            [("API keys", f"/arbejdsrum/{SLUG}/api-noegler/"), ("API keys", f"/en/arbejdsrum/{SLUG}/api-noegler/")],
        )
        page.goto(f"{live_server.url}/arbejdsrum/{SLUG}/api-noegler/")
        page.fill("#id_name", "ESDH")
        page.click("label[for=id_scopes_1]")  # cases:read
        page.click("main form button[type=submit]:text-is('Lav nøgle')")
        page.wait_for_load_state()
        secret = page.inner_text("main .alert code")
        assert secret.startswith("raad_")
        problems += reflow_problems_here(page, "API key made")
        page.goto(f"{live_server.url}/arbejdsrum/{SLUG}/api-noegler/")
        assert secret not in page.inner_text("main")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
