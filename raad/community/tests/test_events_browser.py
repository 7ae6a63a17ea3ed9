"""In Chromium with JavaScript off: axe-core finds nothing on the public event pages (list, month calendar, a
full event with its waiting list, the Arabic–Danish dialogue evening, a past event with its account) in Danish,
English and Arabic, nor on the workspace's event pages in Danish and English, at 1280 and 320 pixels (no
sideways scrolling); a citizen registers without JavaScript: a bad form keeps what was typed, then the receipt."""

from __future__ import annotations

import pytest

from raad.community.models import Event, EventRegistration
from raad.testing.browser import login
from raad.testing.reflow import reflow_problems, reflow_problems_here

pytestmark = pytest.mark.browser

SLUG = "integrationsraadet"


def _ids():
    events = {e.title: e.pk for e in Event.objects.filter(council__slug=SLUG)}
    return (
        events["Integrationens dag"],
        events["Dialogaften: Sådan fungerer folkeskolen"],
        events["Fællesspisning i Ahorngården"],
    )


@pytest.mark.parametrize("prefix", ["", "/en", "/ar"])
def test_event_pages_pass_axe_and_reflow(browser, live_server, demo_data, prefix):
    """Both widths in one test: the demo (the slow part) is loaded once per language."""
    full, evening, past = _ids()
    public = [
        ("events", f"{prefix}/raad/{SLUG}/arrangementer/"),
        ("calendar", f"{prefix}/raad/{SLUG}/arrangementer/kalender/"),
        ("full event", f"{prefix}/raad/{SLUG}/arrangementer/{full}/"),
        ("dialogue evening", f"{prefix}/raad/{SLUG}/arrangementer/{evening}/"),
        ("past event", f"{prefix}/raad/{SLUG}/arrangementer/{past}/"),
    ]
    workspace = [
        ("desk", f"{prefix}/arbejdsrum/{SLUG}/"),
        ("workspace events", f"{prefix}/arbejdsrum/{SLUG}/arrangementer/"),
        ("new event", f"{prefix}/arbejdsrum/{SLUG}/arrangementer/nyt/"),
        ("full event (workspace)", f"{prefix}/arbejdsrum/{SLUG}/arrangementer/{full}/"),
        ("past event (workspace)", f"{prefix}/arbejdsrum/{SLUG}/arrangementer/{past}/"),
    ]
    problems = []
    for width in (1280, 320):
        context = browser.new_context(
            viewport={"width": width, "height": 900}, locale="da-DK", java_script_enabled=False
        )
        context.set_default_timeout(15_000)
        page = context.new_page()
        try:
            problems += reflow_problems(page, live_server.url, public)
            if prefix != "/ar":  # the workspace is in Danish and English
                login(page, live_server, "sekretariat")
                problems += reflow_problems(page, live_server.url, workspace)
        finally:
            context.close()
    assert not problems, "\n".join(problems)


def test_register_without_javascript(browser, live_server, demo_data):
    context = browser.new_context(viewport={"width": 320, "height": 900}, locale="da-DK", java_script_enabled=False)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        _full, evening, _past = _ids()
        page.goto(f"{live_server.url}/ar/raad/{SLUG}/arrangementer/{evening}/")
        page.fill("#id_name", "Amal Haddad")
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        assert page.locator(".form-error-message").count() >= 1  # neither e-mail nor phone
        assert page.locator("#id_name").input_value() == "Amal Haddad"
        problems = reflow_problems_here(page, "registration with errors")
        page.fill("#id_email", "amal@demo.invalid")
        page.fill("#id_seats", "2")
        page.select_option("#id_interpreter_language", "ar")
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        assert "/arrangementer/tilmelding/" in page.url
        problems += reflow_problems_here(page, "receipt")
        assert not problems, "\n".join(problems)
        registration = EventRegistration.objects.get(email="amal@demo.invalid")
        assert (registration.seats, registration.language, registration.interpreter_language) == (2, "ar", "ar")
        page.click("main form button[type=submit]")  # cancel
        page.wait_for_load_state()
        registration.refresh_from_db()
        assert registration.status == EventRegistration.Status.CANCELLED
    finally:
        context.close()
