"""E-mail subscriptions in Chromium with JavaScript off, in Danish, English and Arabic (right to left): the
subscribe form (also with an error), "check your e-mail", the confirm page and its answer, the unsubscribe
page and its answer. Each state passes axe-core and does not scroll sideways, at 1280 and at 320 px."""

from __future__ import annotations

import re

import pytest

from raad.testing.reflow import reflow_problems_here

pytestmark = pytest.mark.browser

SLUG = "integrationsraadet"
WIDTHS = (1280, 320)


def _check(tab, label: str) -> list[str]:
    """The state as it is now at both widths (no reload: a POST's answer is checked as it came)."""
    problems = []
    for width in WIDTHS:
        tab.set_viewport_size({"width": width, "height": 900})
        problems += reflow_problems_here(tab, f"{label} at {width}px")
    return problems


def _submit(tab):
    with tab.expect_navigation():
        tab.locator("main button[type=submit]").click()


@pytest.mark.parametrize(
    ("language", "prefix", "words"),
    [
        ("da", "", ("Skriv en gyldig e-mailadresse", "Tjek din e-mail", "Du er afmeldt")),
        ("en", "/en", ("Enter a valid e-mail address", "Check your email", "You are unsubscribed")),
        ("ar", "/ar", ("اكتب عنوان بريد إلكتروني صحيحًا", "تحقق من بريدك الإلكتروني", "تم إلغاء اشتراكك")),
    ],
)
def test_subscribe_confirm_and_unsubscribe_without_javascript(browser, live_server, demo_data, language, prefix, words):
    from raad.core.models import OutgoingMail
    from raad.portal.models import Subscription

    address = f"browser-{language}@test.invalid"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    context.set_default_timeout(15_000)
    tab = context.new_page()
    problems: list[str] = []
    try:
        tab.goto(f"{live_server.url}{prefix}/raad/{SLUG}/abonnement/")
        assert tab.locator("html").get_attribute("lang") == language
        assert tab.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else None)
        problems += _check(tab, "form")

        tab.locator("#id_email").fill("ikke-en-adresse")
        tab.locator("input[name=kinds][value=events]").check()
        _submit(tab)
        assert words[0] in tab.content()
        assert tab.locator("#id_email").input_value() == "ikke-en-adresse"  # what was typed is kept
        assert tab.locator("input[name=kinds][value=events]").is_checked()
        problems += _check(tab, "form with an error")

        tab.locator("#id_email").fill(address)
        _submit(tab)
        assert words[1] in tab.content()
        problems += _check(tab, "check your e-mail")

        confirmation = OutgoingMail.objects.get(to=address)
        assert confirmation.language == language
        confirm = re.search(r"https?://\S+/abonnement/bekraeft/\S+/", confirmation.body).group(0)
        response = tab.goto(live_server.url + re.sub(r"^https?://[^/]+", "", confirm))
        assert response is not None and response.status == 200, (confirm, tab.content()[-3000:])
        problems += _check(tab, "confirm")
        _submit(tab)
        subscription = Subscription.objects.get(email=address)
        assert subscription.is_active and subscription.language == language and subscription.kinds == ["events"]
        problems += _check(tab, "confirmed")

        with tab.expect_navigation():
            tab.locator("main a[href*='/abonnement/afmeld/']").click()
        problems += _check(tab, "unsubscribe")
        _submit(tab)
        assert words[2] in tab.content()
        problems += _check(tab, "unsubscribed")
        subscription.refresh_from_db()
        assert subscription.email == "" and subscription.unsubscribed_at is not None
    finally:
        context.close()
    assert not problems, "\n".join(problems)
