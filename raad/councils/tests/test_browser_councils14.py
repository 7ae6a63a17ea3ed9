"""Several councils in the browser: the municipality's landing page, the ældreråd's election-result form and a
workspace page with the council switcher, in Danish and English, on a desktop and at 320 px, with axe-core;
the election-result form without JavaScript keeps what was typed when a line is wrong."""

from __future__ import annotations

import pytest

from raad.councils.models import Municipality
from raad.membership.models import DirectElection
from raad.testing.browser import login, submit

pytestmark = pytest.mark.browser

ELECTION = "/arbejdsrum/aeldreraadet/bemanding/valgresultat/"
SWITCHER = "/arbejdsrum/handicapraadet/forretningsorden/"


@pytest.mark.parametrize("width", [1280, 320])
def test_the_new_pages_in_both_languages_pass_axe(browser, live_server, demo_data, assert_accessible, width):
    code = Municipality.objects.get(name="Holbæk Kommune").code
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        for prefix, heading in (("", "Råd i Holbæk Kommune"), ("/en", "Councils in Holbæk Kommune")):
            page.goto(f"{live_server.url}{prefix}/kommune/{code}/")
            assert page.inner_text("h1") == heading
            assert (
                page.get_by_role("link", name="Ældrerådet i Holbæk Kommune").count()
                + page.get_by_role("link", name="Holbæk Municipality Senior Citizens' Council").count()
                == 1
            )
            assert_accessible(page)
        login(page, live_server, "sekretariat")
        for prefix, switch in (("", "Skift råd"), ("/en", "Switch council")):
            page.goto(f"{live_server.url}{prefix}{ELECTION}")
            assert page.get_by_role("table").first.is_visible()
            assert_accessible(page)
            page.goto(f"{live_server.url}{prefix}{SWITCHER}")
            nav = page.get_by_role("navigation", name=switch)
            assert nav.get_by_role("link").count() == 3
            assert_accessible(page)
    finally:
        context.close()


def test_the_election_form_without_javascript_keeps_what_was_typed(browser, live_server, demo_data):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 800})
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        login(page, live_server, "sekretariat")
        page.goto(f"{live_server.url}{ELECTION}")
        typed = "Bent Kragh; 655\nPoul Ravn; mange"
        page.get_by_label("Kandidater og stemmer").fill(typed)
        page.get_by_label("Pladser på valg").fill("1")
        page.get_by_label("Reference til valgresultatet").fill("Valgbestyrelsen")
        page.get_by_label("Medlemmernes første dag").fill("2026-02-01")
        before = DirectElection.objects.count()
        submit(page, page.get_by_role("button", name="Registrér valgresultatet"))
        assert "Linje 2: stemmetallet skal være et helt tal, 0 eller derover." in page.inner_text("main")
        assert page.get_by_label("Kandidater og stemmer").input_value() == typed
        assert page.get_by_label("Reference til valgresultatet").input_value() == "Valgbestyrelsen"
        assert DirectElection.objects.count() == before
    finally:
        context.close()
