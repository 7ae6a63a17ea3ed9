"""In Chromium with JavaScript off: axe-core finds nothing on the public volunteering and press pages in Danish,
English and Arabic at 1280 and 320 pixels (no sideways scrolling), nor on the workspace's volunteering and media
pages in Danish; a volunteer opportunity with bad input keeps what was typed and names the errors."""

from __future__ import annotations

import pytest

from raad.community.models import PressRelease
from raad.testing.browser import login
from raad.testing.reflow import reflow_problems, reflow_problems_here

pytestmark = pytest.mark.browser

SLUG = "integrationsraadet"


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("prefix", ["", "/en", "/ar"])
def test_public_volunteering_and_press_pages_pass_axe_and_reflow(browser, live_server, demo_data, prefix, width):
    sent = PressRelease.objects.get(council__slug=SLUG, status=PressRelease.Status.PUBLISHED)
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK", java_script_enabled=False)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        problems = reflow_problems(
            page,
            live_server.url,
            [
                ("volunteering", f"{prefix}/raad/{SLUG}/frivillig/"),
                ("press", f"{prefix}/raad/{SLUG}/presse/"),
                ("press release", f"{prefix}/raad/{SLUG}/presse/{sent.pk}/"),
            ],
        )
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_workspace_pages_pass_axe_and_a_bad_form_keeps_its_input(browser, live_server, demo_data):
    releases = {r.status: r.pk for r in PressRelease.objects.filter(council__slug=SLUG)}
    w = f"/arbejdsrum/{SLUG}"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK", java_script_enabled=False)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        login(page, live_server, "sekretariat")
        problems = reflow_problems(
            page,
            live_server.url,
            [
                ("desk", f"{w}/"),
                ("volunteering", f"{w}/frivillighed/"),
                ("strategy", f"{w}/frivillighed/strategi/"),
                ("new contribution", f"{w}/frivillighed/bidrag/ny/"),
                ("press", f"{w}/presse/"),
                ("sent release", f"{w}/presse/{releases['published']}/"),
                ("draft release", f"{w}/presse/{releases['draft']}/"),
                ("new release", f"{w}/presse/ny/"),
                ("media list", f"{w}/presse/medieliste/"),
                ("coverage", f"{w}/presse/omtale/?aar="),
                ("new coverage", f"{w}/presse/omtale/ny/"),
            ],
        )
        page.goto(f"{live_server.url}{w}/frivillighed/job/ny/")
        page.fill("#id_title", "Hjælp til sommerfesten")
        page.fill("#id_contact_email", "ikke-en-adresse")
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        assert page.locator("#id_title").input_value() == "Hjælp til sommerfesten"
        assert "Skriv en gyldig e-mailadresse" in page.inner_text("main")
        problems += reflow_problems_here(page, "opportunity with bad input")
        assert not problems, "\n".join(problems)
    finally:
        context.close()
