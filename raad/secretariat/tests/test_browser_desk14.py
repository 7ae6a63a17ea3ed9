"""In the browser: the cross-council desk (with a new calendar link, made without JavaScript) and a member's
to-do list, in Danish and English, at 1280 and 320 px: no sideways scrolling, axe-core 0 violations."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from raad.core import mail
from raad.statements import services as statements
from raad.testing.cast import build_cast, log_in_verified
from raad.testing.reflow import reflow_problems_here

from .test_desk14 import _consultation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def scene(live_server):
    cast = build_cast(members=3)
    today = timezone.localdate()
    _consultation(cast.council, "Forsinket høring", today - datetime.timedelta(days=3), cast.secretary)
    upcoming = _consultation(cast.council, "Kommende høring", today + datetime.timedelta(days=10), cast.secretary)
    draft = statements.statement_create(
        council=cast.council,
        kind="response",
        title="Svar om kommende høring",
        consultation=upcoming,
        rapporteur=cast.secretary,
        text="Rådet støtter forslaget.",
        by=cast.secretary,
    )
    with mail.suppressed():
        statements.written_procedure_open(statement=draft, by=cast.secretary)
    sessions = {}
    for login in ("sekretariat", "medlem"):
        client = Client()
        log_in_verified(client, cast.users[login])
        sessions[login] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return cast, sessions


def _page(browser, live_server, session, width, *, javascript=True):
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=javascript)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    context.set_default_timeout(15_000)
    return context, context.new_page()


@pytest.mark.parametrize("width", [1280, 320])
def test_desk_and_to_do_list_pass_axe_in_both_languages(browser, live_server, scene, width):
    cast, sessions = scene
    problems = []
    context, page = _page(browser, live_server, sessions["sekretariat"], width, javascript=False)
    try:
        for prefix in ("", "/en"):
            page.goto(f"{live_server.url}{prefix}/arbejdsrum/")
            text = page.inner_text("main")
            assert ("Overskredet med 3 dag(e)" if not prefix else "Overdue by 3 day(s)") in text
            problems += reflow_problems_here(page, f"desk {prefix or 'da'}")
        with page.expect_navigation():  # the form works without JavaScript
            page.click("button[name=feed][value=create]")
        assert "/arbejdsrum/opgaver/" in page.input_value("#feed-url")
        problems += reflow_problems_here(page, "desk with a new calendar link (en)")
    finally:
        context.close()
    context, page = _page(browser, live_server, sessions["medlem"], width)
    try:
        for prefix in ("", "/en"):
            page.goto(live_server.url + prefix + reverse("secretariat:council", args=[cast.council.slug]))
            todo = page.inner_text("main")
            assert ("Svar i skriftlig procedure" if not prefix else "Answer in the written procedure") in todo
            problems += reflow_problems_here(page, f"to-do list {prefix or 'da'}")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
