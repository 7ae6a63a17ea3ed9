"""Associations and rooms in Chromium: the public directory, an association's page and the request form in
Danish, English and Arabic (right to left), the form with JavaScript off; the secretariat's room catalogue,
association register and a meeting page with its room. Every page passes axe-core and does not scroll sideways
at 1280 and 320 px."""

from __future__ import annotations

import pytest

from raad.testing.reflow import reflow_problems_here

pytestmark = pytest.mark.browser


@pytest.fixture
def scene(transactional_db):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from raad.community.services import associations
    from raad.councils.services.rooms import room_create
    from raad.meetings import services as meetings
    from raad.meetings.tests.conftest import at
    from raad.testing.cast import make_council, make_secretary

    council = make_council()
    secretary = make_secretary(council)
    TOTPDevice.objects.create(user=secretary, confirmed=True, name="test")  # the workspace asks for a code
    room = room_create(
        council=council,
        data={
            "name": "Holbæk Bibliotek, salen",
            "address": "Kanalstræde 1, 4300 Holbæk",
            "capacity": 80,
            "step_free": True,
            "hearing_loop": True,
            "map_url": "https://kort.example.dk/bibliotek",
        },
        by=secretary,
    )
    meeting = meetings.meeting_plan(council=council, starts_at=at(2026, 12, 10), room=room, by=secretary)
    listed = associations.association_create(
        council=council,
        data={
            "name": "Dansk-Syrisk Kulturforening",
            "purpose": "Møder mellem nye og gamle holbækkere.",
            "activities": "Sprogcafé og fællesspisning",
            "languages": ["da", "ar"],
            "website": "https://kultur.example.dk",
            "contact_name": "Rami Haddad",
            "contact_email": "rami@test.invalid",
            "contact_public": True,
        },
        by=secretary,
    )
    return {"council": council, "secretary": secretary, "room": room, "meeting": meeting, "association": listed}


def _check(page, label: str) -> list[str]:
    problems = []
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        problems += reflow_problems_here(page, label)
    page.set_viewport_size({"width": 1280, "height": 900})
    return problems


@pytest.mark.parametrize(
    ("lang", "prefix", "send"),
    [("da", "", "Send anmodningen"), ("en", "/en", "Send the request"), ("ar", "/ar", None)],
)
def test_the_directory_and_the_request_form_without_javascript(browser, live_server, scene, lang, prefix, send):
    from raad.community.models import Association

    council, listed = scene["council"], scene["association"]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK", java_script_enabled=False)
    context.set_default_timeout(15_000)
    page = context.new_page()
    base = f"{live_server.url}{prefix}/raad/{council.slug}/foreninger/"
    try:
        problems = []
        page.goto(f"{base}?sprog=ar&tekst=sprogcaf")
        assert page.locator("html").get_attribute("lang") == lang
        assert page.get_by_role("link", name="Dansk-Syrisk Kulturforening").is_visible()
        problems += _check(page, f"directory {lang}")
        page.goto(f"{base}{listed.pk}/")
        assert "rami@test.invalid" in page.content()
        problems += _check(page, f"association {lang}")
        page.goto(f"{base}bliv-optaget/")
        problems += _check(page, f"request form {lang}")
        button = page.get_by_role("button", name=send) if send else page.locator("form button[type=submit]").last
        page.locator("#id_name").fill("Ukrainsk Forening Holbæk")
        page.locator("#id_activities").fill("Lørdagsskole")
        button.click()  # no contact person: errors, what was typed kept
        assert page.locator(".form-error-message").count() >= 1
        assert page.locator("#id_activities").input_value() == "Lørdagsskole"
        problems += _check(page, f"request form with errors {lang}")
        page.locator("#id_contact_name").fill("Olena Kovalenko")
        page.locator("#id_contact_email").fill("olena@test.invalid")
        (page.get_by_role("button", name=send) if send else page.locator("form button[type=submit]").last).click()
        assert page.locator("h1").count() == 1
        problems += _check(page, f"receipt {lang}")
        request = Association.objects.get(name="Ukrainsk Forening Holbæk")
        assert (request.status, request.language, request.activities) == ("pending", lang, "Lørdagsskole")
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_the_room_catalogue_register_and_a_meeting_with_its_room(browser, live_server, scene):
    from raad.testing.browser import login
    from raad.testing.cast import PASSWORD

    council, room, meeting, listed = scene["council"], scene["room"], scene["meeting"], scene["association"]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        problems = []
        page.goto(f"{live_server.url}/raad/{council.slug}/moeder/{meeting.pk}/")
        assert "Holbæk Bibliotek, salen, Kanalstræde 1, 4300 Holbæk" in page.content()
        problems += _check(page, "public meeting with its room")
        login(page, live_server, scene["secretary"].username, PASSWORD)
        for prefix in ("", "/en"):
            work = f"{live_server.url}{prefix}/arbejdsrum/{council.slug}/"
            for label, path in (
                ("rooms", "lokaler/"),
                ("room", f"lokaler/{room.pk}/"),
                ("register", "foreninger/"),
                ("association", f"foreninger/{listed.pk}/"),
            ):
                page.goto(work + path)
                assert page.locator("h1").count() == 1
                problems += _check(page, f"{label} {prefix or 'da'}")
        # A bad room: the error is named and what was typed is kept
        page.goto(f"{live_server.url}/arbejdsrum/{council.slug}/lokaler/")
        page.locator("#id_address").fill("Ahlgade 1, 4300 Holbæk")
        page.get_by_role("button", name="Opret lokalet").click()
        assert page.locator(".form-error-message").count() >= 1
        assert page.locator("#id_address").input_value() == "Ahlgade 1, 4300 Holbæk"
        problems += _check(page, "room form with errors")
        assert not problems, "\n".join(problems)
    finally:
        context.close()
