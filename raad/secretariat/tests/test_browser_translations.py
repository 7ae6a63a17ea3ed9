"""In the browser: the LIX figure under a Danish text area is there without JavaScript and follows the text
while typing with it (counted as the server counts), and the translation pages pass axe at 1280 and 320 px."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from raad.core import readability, translations
from raad.core.translations import EASY_READ
from raad.councils.models import TermsOfReference
from raad.dialogue.models import Topic
from raad.testing.cast import log_in_verified, make_council, make_secretary
from raad.testing.reflow import reflow_problems_here

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EASY = "Rådet mødes den 22. juni 2022 kl. 17.00 på rådhuset. Alle er velkomne."  # LIX 22
HARD = (
    "Integrationsrådet rådgiver kommunalbestyrelsen om bl.a. beskæftigelse, uddannelse og f.eks. boliger. "
    "Det sker skriftligt!"
)  # LIX 60
SAMPLES = [
    EASY,
    HARD,
    "Formål:\n- Lige muligheder for alle\n- Dialog med borgerne\n\nRådet er talerør.",
    "Rådets økonomi\n\nRådet har 10.000 kr. om året til FN-dagen og møder.",
    "«Vi vil høre fra jer.» (Skriv til os.)",
    "",
]


@pytest.fixture
def secretariat(live_server):
    council = make_council()
    council.citizen_languages = ["ar"]
    council.save(update_fields=["citizen_languages"])
    secretary = make_secretary(council)
    topic = Topic.objects.create(council=council, number=1, title="Boliger til nyankomne", summary=HARD)
    translations.translation_set(obj=topic, field="title", language="en", text="Homes", status="reviewed")
    client = Client()
    log_in_verified(client, secretary)
    return council, topic, client.cookies[settings.SESSION_COOKIE_NAME].value


def open_as(context, live_server, session):
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    context.set_default_timeout(15_000)
    return context.new_page()


def test_lix_is_shown_without_javascript(browser, live_server, secretariat):
    council, _topic, session = secretariat
    TermsOfReference.objects.filter(council=council).update(introduction=HARD)
    context = browser.new_context(java_script_enabled=False, locale="da-DK")
    try:
        page = open_as(context, live_server, session)
        page.goto(live_server.url + reverse("secretariat:terms", args=[council.slug]))
        assert page.inner_text("#id_introduction_lix") == "LIX 60 (meget svær)"
        assert "id_introduction_lix" in page.get_attribute("#id_introduction", "aria-describedby")
    finally:
        context.close()


def test_lix_follows_the_text_while_typing_and_counts_as_the_server(browser, live_server, secretariat):
    council, topic, session = secretariat
    context = browser.new_context(locale="da-DK")
    try:
        page = open_as(context, live_server, session)
        url = reverse("secretariat:translation_edit", args=[council.slug, "dialogue.topic", topic.pk, EASY_READ])
        page.goto(live_server.url + url)
        output = page.locator("#id_summary_lix")
        assert output.inner_text() == "LIX: ingen tekst endnu"
        assert output.get_attribute("aria-live") == "polite"
        page.fill("#id_summary", HARD)
        expect(output).to_have_text("LIX 60 (meget svær): over målet for let dansk")
        page.fill("#id_summary", EASY)
        expect(output).to_have_text("LIX 22 (meget let): målet for let dansk er nået")
        for text in SAMPLES:
            counted = page.evaluate("text => window.raadLixAnalyse(text)", text)
            server = readability.analyse(text)
            assert (counted["words"], counted["sentences"], counted["long"]) == (
                server.words,
                server.sentences,
                server.long_words,
            ), text
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 320])
def test_translation_pages_pass_axe(browser, live_server, secretariat, width):
    council, topic, session = secretariat
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
    try:
        page = open_as(context, live_server, session)
        problems = []
        for label, url in [
            ("overview", reverse("secretariat:translations", args=[council.slug])),
            (
                "overview filtered",
                reverse("secretariat:translations", args=[council.slug]) + "?sprog=ar&status=missing",
            ),
            ("edit ar", reverse("secretariat:translation_edit", args=[council.slug, "dialogue.topic", topic.pk, "ar"])),
            (
                "edit easy-read",
                reverse("secretariat:translation_edit", args=[council.slug, "dialogue.topic", topic.pk, EASY_READ]),
            ),
        ]:
            response = page.goto(live_server.url + url)
            assert response is not None and response.status == 200, label
            problems += reflow_problems_here(page, label)
        assert not problems, "\n".join(problems)
    finally:
        context.close()
