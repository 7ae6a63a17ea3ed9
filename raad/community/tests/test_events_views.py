"""Events through the test client (no JavaScript): the public list, month calendar, event page, iCal; the
registration form (bad input keeps what was typed, 400 with translated errors, honeypot, rate limit), the
receipt page with its signed link and cancel; the workspace (plan, publish, CSV for the secretariat only,
attendance), the desk panel."""

from __future__ import annotations

import datetime

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from raad.community import event_links
from raad.community.models import Event, EventRegistration
from raad.core import desk
from raad.core.models import OutgoingMail
from raad.testing import assert_unchanged
from raad.testing.cast import log_in_verified

from .event_helpers import make_association, make_event, make_room, register

pytestmark = pytest.mark.django_db


def url(name, *args, language="da"):
    with translation.override(language):
        return reverse(f"community:{name}", args=args)


@pytest.fixture
def event(cast):
    room = make_room(cast.council)
    event = make_event(
        cast.council,
        cast.secretary,
        room=room,
        place="",
        address="",
        languages=["da", "ar"],
        interpreters="Tolk mellem arabisk og dansk",
        co_organisers=[make_association(cast.council)],
    )
    return event


def test_public_pages_show_the_event_with_room_languages_and_seats(client, cast, event):
    slug = cast.council.slug
    listing = client.get(url("events", slug)).content.decode()
    assert "Sprogcafé" in listing
    page = client.get(url("event", slug, event.pk)).content.decode()
    for text in (
        "Klosterstræde 13",
        "Niveaufri adgang",
        "Teleslynge",
        "https://example.invalid/kort",
        "العربية",
        "Tolk mellem arabisk og dansk",
        "Foreningen Sammen",
        "Ledige pladser",
    ):
        assert text in page
    month = timezone.localtime(event.starts_at).strftime("%Y-%m")
    calendar = client.get(url("events_calendar", slug) + f"?maaned={month}").content.decode()
    assert "<time" in calendar and "Sprogcafé" in calendar and "Næste måned" in calendar
    assert client.get(url("events_calendar", slug) + "?maaned=nonsense").status_code == 200


def test_ical_per_event_and_feed_carry_the_rooms_location(client, cast, event):
    one = client.get(url("event_ics", cast.council.slug, event.pk))
    assert one["Content-Type"].startswith("text/calendar")
    body = one.content.decode()
    assert "LOCATION:Biblioteket\\, Klosterstræde 13\\, 4300 Holbæk" in body and "UID:event-" in body
    feed = client.get(url("events_feed", cast.council.slug)).content.decode()
    assert "Sprogcafé" in feed and "BEGIN:VTIMEZONE" in feed


def test_a_draft_is_not_public(client, cast):
    draft = make_event(cast.council, cast.secretary, publish=False, title="Hemmelig kladde")
    assert client.get(url("event", cast.council.slug, draft.pk)).status_code == 404
    assert "Hemmelig kladde" not in client.get(url("events", cast.council.slug)).content.decode()


def test_register_then_receipt_page_then_cancel_without_account(client, cast, event):
    response = client.post(
        url("event_register", cast.council.slug, event.pk),
        {"name": "Hanne", "email": "hanne@test.invalid", "seats": "2", "interpreter_language": "ar"},
    )
    registration = EventRegistration.objects.get()
    # the receipt's token is timestamped: read from the answer rather than signed again a second later
    assert response.status_code == 302
    prefix = url("event_registration", cast.council.slug, "TOKEN").removesuffix("TOKEN/")
    assert response["Location"].startswith(prefix) and response["Location"].endswith("/?modtaget=1")
    token = response["Location"].removeprefix(prefix).removesuffix("/?modtaget=1")
    assert event_links.read_registration_token(token) == registration.pk
    receipt = client.get(response["Location"]).content.decode()
    assert "Tak for din tilmelding" in receipt and "Afmeld mig" in receipt
    assert OutgoingMail.objects.get().to == "hanne@test.invalid"
    client.post(url("event_registration", cast.council.slug, token))
    registration.refresh_from_db()
    assert registration.status == EventRegistration.Status.CANCELLED
    assert client.get(url("event_registration", cast.council.slug, "forfalsket:link")).status_code == 404


def test_bad_input_keeps_the_form_with_translated_errors(client, cast, event):
    with assert_unchanged(ignore={"sessions.Session"}):
        response = client.post(
            url("event_register", cast.council.slug, event.pk, language="en"),
            {"name": "", "email": "", "phone": "", "seats": "3", "needs_note": ""},
        )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Write your name." in page and "Write your e-mail address or your phone number." in page
    assert 'value="3"' in page


def test_full_event_offers_the_waiting_list(client, cast, event):
    register(event, seats=4)
    page = client.get(url("event", cast.council.slug, event.pk)).content.decode()
    assert "Skriv mig på ventelisten" in page
    refused = client.post(
        url("event_register", cast.council.slug, event.pk), {"name": "Bent", "phone": "22334455", "seats": "1"}
    )
    assert refused.status_code == 400 and "Arrangementet er fuldt" in refused.content.decode()
    client.post(
        url("event_register", cast.council.slug, event.pk),
        {"name": "Bent", "phone": "22334455", "seats": "1", "waiting_list": "on"},
    )
    assert EventRegistration.objects.filter(status="waiting").count() == 1


def test_deadline_passed_says_so_on_the_page(client, cast, event):
    Event.objects.filter(pk=event.pk).update(registration_deadline=timezone.now() - datetime.timedelta(hours=1))
    page = client.get(url("event", cast.council.slug, event.pk)).content.decode()
    assert "Tilmeldingsfristen er overskredet." in page and 'name="name"' not in page


def test_honeypot_and_flood(client, cast, event, settings):
    with assert_unchanged(ignore={"sessions.Session"}):
        robot = client.post(
            url("event_register", cast.council.slug, event.pk),
            {"name": "R", "email": "r@test.invalid", "seats": "1", "website": "x"},
        )
    assert robot.status_code == 400
    settings.PUBLIC_FORM_RATE_LIMIT = 1
    client.post(
        url("event_register", cast.council.slug, event.pk), {"name": "A", "email": "a@test.invalid", "seats": "1"}
    )
    flood = client.post(
        url("event_register", cast.council.slug, event.pk), {"name": "B", "email": "b@test.invalid", "seats": "1"}
    )
    assert flood.status_code == 429 and EventRegistration.objects.count() == 1


def test_secretary_plans_publishes_and_exports(client, cast):
    log_in_verified(client, cast.secretary)
    slug = cast.council.slug
    bad = client.post(
        url("event_new", slug), {"title": "Dialogaften", "starts_at": "2030-05-01T18:00", "ends_at": "2030-05-01T17:00"}
    )
    assert bad.status_code == 400
    page = bad.content.decode()
    assert "Arrangementet skal slutte, efter det begynder." in page and 'value="Dialogaften"' in page
    response = client.post(
        url("event_new", slug),
        {
            "title": "Dialogaften",
            "starts_at": "2030-05-01T18:00",
            "place": "Ahorngården",
            "address": "Ahornvej 4",
            "registration_required": "on",
            "capacity": "10",
            "languages": ["da", "ar"],
        },
    )
    event = Event.objects.get(title="Dialogaften")
    assert response.status_code == 302 and event.status == Event.Status.DRAFT and event.languages == ["da", "ar"]
    client.post(url("event_publish", slug, event.pk))
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
    register(event, name="Hanne Mortensen", email="hanne@test.invalid", needs_childcare=True)
    detail = client.get(url("event_workspace", slug, event.pk)).content.decode()
    assert "Hanne Mortensen" in detail
    csv = client.get(url("event_csv", slug, event.pk))
    assert csv["Content-Type"].startswith("text/csv") and "Hanne Mortensen" in csv.content.decode("utf-8-sig")
    request = RequestFactory().get("/")
    request.user = cast.secretary
    panels = {p.key: p.html for p in desk.panels_for(cast.council, request)}
    assert "Dialogaften" in panels["events"] and "1 af 10 pladser" in panels["events"]


def test_members_plan_but_never_see_registrants(client, cast, event):
    register(event, name="Hanne Mortensen")
    log_in_verified(client, cast.users["medlem"])
    slug = cast.council.slug
    detail = client.get(url("event_workspace", slug, event.pk))
    assert detail.status_code == 200 and "Hanne Mortensen" not in detail.content.decode()
    assert client.get(url("event_csv", slug, event.pk)).status_code == 403


def test_attendance_is_recorded_after_the_event(client, cast):
    event = make_event(cast.council, cast.secretary, days=1)
    came = register(event)
    absent = register(event, name="Bent", email="bent@test.invalid")
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - datetime.timedelta(hours=3), ends_at=None)
    log_in_verified(client, cast.secretary)
    client.post(url("event_attendance", cast.council.slug, event.pk), {"attended": [str(came.pk)]})
    came.refresh_from_db()
    absent.refresh_from_db()
    assert (came.attended, absent.attended) == (True, False)


def test_photo_upload_checks_consent_and_content_and_withdrawal_hides_it(client, cast):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from raad.community.models import EventPhoto

    event = make_event(cast.council, cast.secretary, days=1, registration_required=False, capacity=None)
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - datetime.timedelta(hours=3), ends_at=None)
    log_in_verified(client, cast.secretary)
    add = url("event_photo_add", cast.council.slug, event.pk)
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

    def post(data: bytes, name: str, **fields):
        values = {"description": "Fællesspisning i Kulturhuset", "consent_statement": "Skriftligt samtykke 3. maj"}
        return client.post(add, {"file": SimpleUploadedFile(name, data), **values, **fields})

    with assert_unchanged():
        refused = post(png, "fest.png")  # the consent box is not ticked
        disguised = post(b"MZ\x90\x00" + b"\x00" * 60, "fest.png", consent_given="on")  # a program named .png
    assert refused.status_code == disguised.status_code == 400
    assert "Bekræft, at de viste personer har givet samtykke." in refused.content.decode()
    assert "Fællesspisning i Kulturhuset" in refused.content.decode()  # what was typed is kept
    assert "Filtypen" in disguised.content.decode()
    assert not EventPhoto.objects.exists()

    assert post(png, "fest.png", consent_given="on").status_code == 302
    photo = EventPhoto.objects.get()
    public = client.get(url("event", cast.council.slug, event.pk)).content.decode()
    photo_url = url("event_photo", cast.council.slug, event.pk, photo.pk)
    assert photo_url in public and "Fællesspisning i Kulturhuset" in public
    assert "Skriftligt samtykke" not in public  # the consent statement is the secretariat's, never public
    assert client.get(photo_url)["Content-Type"] == "image/png"

    client.post(url("event_photo_withdraw", cast.council.slug, event.pk, photo.pk))
    assert (
        url("event_photo", cast.council.slug, event.pk, photo.pk)
        not in client.get(url("event", cast.council.slug, event.pk)).content.decode()
    )
    assert client.get(photo_url).status_code == 404
    assert EventPhoto.objects.filter(pk=photo.pk, consent_withdrawn_at__isnull=False).exists()  # kept, not deleted
