"""In Chromium with JavaScript off: axe-core finds nothing on the public topic list and a topic page and on the
workspace's topic pages, dialogue log, triage, referral catalogue and translation desk, in Danish and English, at 1280 and 320 pixels (no sideways scrolling);
"Sæt på dagsordenen" and a dialogue-log entry work without JavaScript."""

from __future__ import annotations

import pytest

from raad.dialogue.models import DialogueEntry, Inquiry, Topic
from raad.testing.browser import login
from raad.testing.reflow import reflow_problems

pytestmark = pytest.mark.browser

SLUG = "integrationsraadet"


def _pages(prefix: str):
    return [
        ("public list", f"{prefix}/raad/{SLUG}/emner/"),
        ("public topic 1", f"{prefix}/raad/{SLUG}/emner/1/"),
        ("public topic 3", f"{prefix}/raad/{SLUG}/emner/3/"),
        ("council page", f"{prefix}/raad/{SLUG}/"),
    ], [
        ("desk with the topics panel", f"{prefix}/arbejdsrum/{SLUG}/"),
        ("topics", f"{prefix}/arbejdsrum/{SLUG}/emner/"),
        ("topic 1", f"{prefix}/arbejdsrum/{SLUG}/emner/1/"),
        ("topic 3", f"{prefix}/arbejdsrum/{SLUG}/emner/3/"),
        ("new topic", f"{prefix}/arbejdsrum/{SLUG}/emner/nyt/"),
        ("dialogue log", f"{prefix}/arbejdsrum/{SLUG}/dialoglog/"),
        ("new entry", f"{prefix}/arbejdsrum/{SLUG}/dialoglog/ny/"),
        ("inquiries", f"{prefix}/arbejdsrum/{SLUG}/henvendelser/?vis=alle"),
        ("referrals", f"{prefix}/arbejdsrum/{SLUG}/henvisninger/"),
        ("translation desk", f"{prefix}/arbejdsrum/{SLUG}/oversaettelser/"),
    ]


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_topic_pages_pass_axe_and_reflow(browser, live_server, demo_data, prefix, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK", java_script_enabled=False)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        public, workspace = _pages(prefix)
        problems = reflow_problems(page, live_server.url, public)
        entry = DialogueEntry.objects.filter(council__slug=SLUG).first()
        workspace.append(("entry", f"{prefix}/arbejdsrum/{SLUG}/dialoglog/{entry.pk}/"))
        arabic = Inquiry.objects.filter(council__slug=SLUG, language="ar").first()
        workspace.append(("Arabic inquiry", f"{prefix}/arbejdsrum/{SLUG}/henvendelser/{arabic.pk}/"))
        login(page, live_server, "sekretariat")
        problems += reflow_problems(page, live_server.url, workspace)
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_put_on_the_agenda_and_record_a_dialogue_without_javascript(browser, live_server, demo_data, assert_accessible):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK", java_script_enabled=False)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        login(page, live_server, "sekretariat")
        page.goto(f"{live_server.url}/arbejdsrum/{SLUG}/emner/3/")
        page.click("form[action$='/dagsorden/'] button[type=submit]")
        page.wait_for_load_state()
        assert "Emnet er sat på dagsordenen for mødet" in page.inner_text("main")
        assert Topic.objects.get(council__slug=SLUG, number=3).status == Topic.Status.ON_AGENDA
        assert_accessible(page)

        page.goto(f"{live_server.url}/arbejdsrum/{SLUG}/dialoglog/ny/")
        page.fill("#id_organisation", "Holbæk Skakklub")
        page.fill("#id_learned", "Klubben vil gerne lære nye borgere skak.")
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        assert page.locator(".form-error-message").count() >= 1  # the date is missing
        assert page.locator("#id_organisation").input_value() == "Holbæk Skakklub"
        assert_accessible(page)
        page.fill("#id_held_on", "2026-11-02")
        page.select_option("#id_counterpart", "associations")
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        assert "Dialogen er skrevet i loggen." in page.inner_text("main")
        assert DialogueEntry.objects.filter(organisation="Holbæk Skakklub").exists()
    finally:
        context.close()
