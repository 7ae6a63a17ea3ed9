"""In the browser: the access-request page (aktindsigt) in Danish and English, at 1280 and 320 px, searched
without JavaScript: no sideways scrolling, axe-core 0 violations."""

from __future__ import annotations

import datetime
import os

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from raad.testing.cast import build_cast, log_in_verified
from raad.testing.reflow import reflow_problems_here

from .test_desk14 import _consultation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def scene(live_server):
    cast = build_cast(members=3)
    _consultation(cast.council, "Integrationspolitik 2027–2030", datetime.date(2026, 12, 4), cast.secretary)
    _consultation(cast.council, "Budget for sprogcentret", datetime.date(2026, 10, 1), cast.secretary)
    client = Client()
    log_in_verified(client, cast.users["sekretariat"])
    return cast, client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.mark.parametrize("width", [1280, 320])
def test_access_page_passes_axe_in_both_languages(browser, live_server, scene, width):
    cast, session = scene
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=False)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    context.set_default_timeout(15_000)
    page = context.new_page()
    problems = []
    try:
        for prefix in ("", "/en"):
            page.goto(live_server.url + prefix + reverse("secretariat:access", args=[cast.council.slug]))
            problems += reflow_problems_here(page, f"aktindsigt {prefix or 'da'}")
        page.fill("#id_q", "Integration")
        with page.expect_navigation():  # the search works without JavaScript
            page.click("#access-search button")
        text = page.inner_text("main")
        assert "Consultations matching “Integration”" in text
        assert "Integrationspolitik 2027–2030" in text and "Budget for sprogcentret" not in text
        problems += reflow_problems_here(page, "aktindsigt search (en)")
        if shots := os.environ.get("RAAD_SCREENSHOTS"):
            page.screenshot(path=f"{shots}/aktindsigt-{width}.png", full_page=True)
    finally:
        context.close()
    assert not problems, "\n".join(problems)
