"""The dialogue's citizen pages in Arabic (right to left) and Ukrainian, in Chromium: the inquiry form, a status
page (signed link), the referral catalogue, the public topic list and a topic page pass axe-core and do not
scroll sideways at 1280 and 320 px; the Arabic pages are right to left; the form works in Arabic with
JavaScript off and the receipt e-mail is in Arabic."""

from __future__ import annotations

import pytest

from raad.testing.reflow import reflow_problems

pytestmark = pytest.mark.browser

SLUG = "integrationsraadet"


def _context(browser, width: int, *, javascript: bool = True):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="da-DK", java_script_enabled=javascript
    )
    context.set_default_timeout(15_000)
    return context


def _status_path(prefix: str) -> str:
    from django.urls import reverse
    from django.utils import translation

    from raad.dialogue import links
    from raad.dialogue.models import Inquiry

    inquiry = Inquiry.objects.filter(council__slug=SLUG, erased_at__isnull=True).order_by("pk").first()
    with translation.override("da"):
        path = reverse("dialogue:inquiry_status", args=[SLUG, links.status_token(inquiry_id=inquiry.pk)])
    return f"{prefix}{path}"


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("language", ["ar", "uk"])
def test_dialogue_pages_in_community_languages_pass_axe(browser, live_server, demo_data, language, width):
    prefix = f"/{language}"
    pages = [
        ("inquiry form", f"{prefix}/raad/{SLUG}/skriv/"),
        ("status page", _status_path(prefix)),
        ("referral catalogue", f"{prefix}/raad/{SLUG}/hjaelp/"),
        ("public topic list", f"{prefix}/raad/{SLUG}/emner/"),
        ("public topic", f"{prefix}/raad/{SLUG}/emner/1/"),
    ]
    context = _context(browser, width)
    tab = context.new_page()
    try:
        for name, path in pages:
            response = tab.goto(f"{live_server.url}{path}")
            assert response is not None and response.status == 200, f"{name} {path}: HTTP {response.status}"
            assert tab.locator("html").get_attribute("lang") == language, name
            assert tab.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else None), name
        problems = reflow_problems(tab, live_server.url, pages)
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_the_form_in_arabic_without_javascript_and_the_receipt_in_arabic(browser, live_server, demo_data):
    from raad.core.models import OutgoingMail
    from raad.dialogue.models import Inquiry

    before = set(Inquiry.objects.values_list("pk", flat=True))
    context = _context(browser, 1280, javascript=False)
    tab = context.new_page()
    try:
        tab.goto(f"{live_server.url}/ar/raad/{SLUG}/skriv/")
        assert tab.locator("html").get_attribute("dir") == "rtl"
        tab.screenshot(path="/tmp/shots/inquiry-form-ar-1280.png", full_page=True)
        tab.set_viewport_size({"width": 320, "height": 900})
        tab.screenshot(path="/tmp/shots/inquiry-form-ar-320.png", full_page=True)
        tab.locator("#id_kind_0").check()
        tab.locator("#id_text").fill("نريد دروسًا في اللغة الدنماركية في المساء.")
        tab.locator("#id_name").fill("نادية صالح")
        tab.locator("#id_reply_by_0").check()
        tab.locator("#id_email").fill("nadia@test.invalid")
        with tab.expect_navigation():
            tab.locator("main button[type=submit]").click()
        assert tab.locator("html").get_attribute("dir") == "rtl"
        inquiry = Inquiry.objects.exclude(pk__in=before).get()
        assert inquiry.language == "ar"
        assert inquiry.reference in tab.content()
        receipt = OutgoingMail.objects.get(to="nadia@test.invalid")
        assert receipt.language == "ar"
        assert receipt.subject == f"إيصال استلام رسالتك {inquiry.reference}"
    finally:
        context.close()
