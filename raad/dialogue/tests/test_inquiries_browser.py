"""The form "Skriv til rådet" and the status page in Chromium: axe and no sideways scrolling at 1280 and 320 px
in Danish and English, a bad submission keeps what was typed, and the whole thing works with JavaScript off."""

import pytest

from raad.testing.reflow import reflow_problems_here

pytestmark = pytest.mark.browser


@pytest.fixture
def council(transactional_db):
    from raad.testing.cast import make_council

    from .inquiry_helpers import make_referral

    council = make_council()
    make_referral(council)
    return council


def _check(page, label: str) -> list[str]:
    problems = []
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        problems += reflow_problems_here(page, label)
    page.set_viewport_size({"width": 1280, "height": 900})
    return problems


@pytest.mark.parametrize(
    ("lang", "prefix", "send", "thanks"),
    [
        ("da", "", "Send henvendelsen", "Tak for din henvendelse"),
        ("en", "/en", "Send the inquiry", "Thank you for your inquiry"),
    ],
)
@pytest.mark.parametrize("javascript", [False, True], ids=["nojs", "js"])
def test_a_citizen_writes_and_follows_the_status(browser, live_server, council, lang, prefix, send, thanks, javascript):
    from raad.dialogue.models import Inquiry

    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="da-DK", java_script_enabled=javascript
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        problems = []
        page.goto(f"{live_server.url}{prefix}/raad/{council.slug}/skriv/")
        assert page.locator("html").get_attribute("lang") == lang
        problems += _check(page, f"form {lang}")
        # A bad submission: an answer by e-mail without an address
        page.locator("#id_kind_0").check()
        page.locator("#id_text").fill("Flere hold i dansk om aftenen, tak.")
        page.locator("#id_name").fill("Nadia Saleh")
        page.locator("#id_reply_by_0").check()
        page.get_by_role("button", name=send).click()
        assert page.locator(".form-error-message").count() >= 1
        assert page.locator("#id_text").input_value() == "Flere hold i dansk om aftenen, tak."
        assert page.locator("#id_name").input_value() == "Nadia Saleh"
        problems += _check(page, f"form with errors {lang}")
        page.locator("#id_email").fill("nadia@test.invalid")
        page.get_by_role("button", name=send).click()
        assert page.get_by_role("heading", name=thanks).is_visible()
        inquiry = Inquiry.objects.get()
        assert (inquiry.language, inquiry.text, inquiry.name) == (
            lang,
            "Flere hold i dansk om aftenen, tak.",
            "Nadia Saleh",
        )
        assert inquiry.reference in page.content()
        problems += _check(page, f"status {lang}")
        page.goto(f"{live_server.url}{prefix}/raad/{council.slug}/hjaelp/")
        problems += _check(page, f"catalogue {lang}")
        assert not problems, "\n".join(problems)
    finally:
        context.close()
