"""Associations: the public request form, the secretariat's decisions, the directory and the privacy of the
contact person (shown only with consent)."""

from __future__ import annotations

from django.core import mail as django_mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from raad.community.models import Association
from raad.community.services import associations as services
from raad.core.models import AuditEntry
from raad.testing.cast import log_in_verified


def url(name, council, *args, language=""):
    with translation.override("da"):  # reverse() prefixes the active language
        path = reverse(f"community:{name}", args=[council.slug, *args])
    return f"/{language}{path}" if language else path


def request_data(**overrides):
    data = {
        "name": "Dansk-Syrisk Kulturforening",
        "purpose": "Vi skaber møder mellem nye og gamle holbækkere.",
        "activities": "Sprogcafé og fællesspisning",
        "languages": ["da", "ar"],
        "website": "https://kultur.example.dk",
        "contact_name": "Rami Haddad",
        "contact_email": "rami@test.invalid",
        "contact_phone": "20 30 40 50",
        "fax": "",
    }
    data.update(overrides)
    return data


def listed(council, by, **overrides):
    data = request_data(**overrides)
    data.pop("fax")
    return services.association_create(council=council, data=data, by=by)


def test_an_association_asks_to_be_listed_and_the_secretariat_is_told(client, cast, django_capture_on_commit_callbacks):
    council = cast.council
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("association_request", council),
            request_data(purpose="Kontakt: CPR 010203-1234"),
        )
    assert response.status_code == 302
    assert response["Location"] == url("association_request_received", council)
    found = Association.objects.get()
    assert (found.status, found.language, found.requested_publicly, found.contact_public) == (
        "pending",
        "da",
        True,
        False,
    )
    assert found.purpose == "Kontakt: CPR XXXXXX-XXXX"  # masked before storage (R30)
    [notice] = django_mail.outbox
    assert notice.to == [council.contact_email]
    assert "Dansk-Syrisk Kulturforening" in notice.subject
    # Not yet public
    assert client.get(url("association", council, found.pk)).status_code == 404
    assert "Dansk-Syrisk" not in client.get(url("associations", council)).content.decode()
    # The journal holds no contact details (R35)
    entry = AuditEntry.objects.get(verb="association.requested")
    assert "rami@test.invalid" not in str(entry.changes) and "Rami Haddad" not in str(entry.changes)


def test_bad_input_keeps_what_was_typed_with_translated_errors(client, cast):
    council = cast.council
    response = client.post(
        url("association_request", council, language="en"),
        request_data(name="", contact_email="not-an-address", activities="Lektiecafé om tirsdagen"),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Lektiecafé om tirsdagen" in page  # kept
    assert "Write the association" in page or "name of the association" in page.lower()
    assert "valid e-mail" in page.lower()
    assert Association.objects.count() == 0


def test_the_honeypot_stops_a_robot(client, cast):
    response = client.post(url("association_request", cast.council), request_data(fax="buy now"))
    assert response.status_code == 400
    assert Association.objects.count() == 0


def test_approval_and_decline_mail_the_contact_in_the_language_they_wrote_in(
    client, cast, django_capture_on_commit_callbacks
):
    council = cast.council
    client.post(url("association_request", council, language="en"), request_data())
    Client().post(url("association_request", council), request_data(name="Ukrainsk Forening Holbæk"))
    english, danish = Association.objects.order_by("pk")
    assert (english.language, danish.language) == ("en", "da")
    log_in_verified(client, cast.secretary)
    django_mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url("association_approve", council, english.pk)).status_code == 302
        response = client.post(url("association_decline", council, danish.pk), {"reason": ""})
        assert response.status_code == 400 and "Skriv en begrundelse" in response.content.decode()
        client.post(url("association_decline", council, danish.pk), {"reason": "Foreningen ligger i Roskilde."})
    english.refresh_from_db()
    danish.refresh_from_db()
    assert (english.status, danish.status, danish.decline_reason) == (
        "listed",
        "declined",
        "Foreningen ligger i Roskilde.",
    )
    approved, declined = django_mail.outbox
    assert approved.to == ["rami@test.invalid"]
    assert approved.subject == "Dansk-Syrisk Kulturforening is listed in the directory of associations"  # English
    assert "Foreningen ligger i Roskilde." in declined.body and "kan desværre ikke optage" in declined.body
    assert set(AuditEntry.objects.values_list("verb", flat=True)) >= {"association.approved", "association.declined"}


def test_the_contact_person_is_public_only_with_consent(client, cast):
    council = cast.council
    hidden = listed(council, cast.secretary)
    shown = listed(
        council,
        cast.secretary,
        name="Kvindenetværket",
        contact_name="Lina Petersen",
        contact_public=True,
        contact_email="lina@test.invalid",
    )
    page = client.get(url("association", council, hidden.pk)).content.decode()
    assert "Dansk-Syrisk Kulturforening" in page
    assert "Rami Haddad" not in page and "rami@test.invalid" not in page and "20 30 40 50" not in page
    page = client.get(url("association", council, shown.pk)).content.decode()
    assert "Lina Petersen" in page and "lina@test.invalid" in page
    directory = client.get(url("associations", council)).content.decode()
    assert "Rami Haddad" not in directory and "rami@test.invalid" not in directory


def test_the_directory_filters_by_language_and_text_without_javascript(client, cast):
    council = cast.council
    listed(council, cast.secretary)
    listed(council, cast.secretary, name="Lektiecaféen", activities="Lektiehjælp", languages=["da", "uk"])
    page = client.get(url("associations", council), {"sprog": "uk"}).content.decode()
    assert "Lektiecaféen" in page and "Dansk-Syrisk" not in page
    page = client.get(url("associations", council), {"tekst": "sprogcafé"}).content.decode()
    assert "Dansk-Syrisk" in page and "Lektiecaféen" not in page
    assert client.get(url("associations", council), {"sprog": "xx"}).status_code == 200  # bad input: all shown


def test_taken_off_the_directory_is_kept_in_the_register(client, cast):
    council = cast.council
    found = listed(council, cast.secretary)
    log_in_verified(client, cast.secretary)
    assert client.post(url("association_withdraw", council, found.pk)).status_code == 302
    found.refresh_from_db()
    assert found.status == "withdrawn"
    assert client.get(url("association", council, found.pk)).status_code == 404
    assert "Dansk-Syrisk" in client.get(url("associations_register", council)).content.decode()


def test_the_secretariat_edits_and_a_duplicate_name_is_refused(client, cast):
    council = cast.council
    found = listed(council, cast.secretary)
    listed(council, cast.secretary, name="Kvindenetværket")
    log_in_verified(client, cast.secretary)
    data = request_data(name="kvindenetværket")
    data.pop("fax")
    response = client.post(url("association_edit", council, found.pk), data)
    assert response.status_code == 400 and "allerede en forening med det navn" in response.content.decode()
    data["name"] = "Dansk-Syrisk Kulturforening Holbæk"
    assert client.post(url("association_edit", council, found.pk), data).status_code == 302
    found.refresh_from_db()
    assert found.name == "Dansk-Syrisk Kulturforening Holbæk"


def test_pending_requests_appear_on_the_desk(client, cast):
    council = cast.council
    client.post(url("association_request", council), request_data())
    log_in_verified(client, cast.secretary)
    page = client.get(reverse("secretariat:council", args=[council.slug])).content.decode()
    assert "1 forening har bedt om at blive optaget" in page


def test_a_citizen_cannot_open_the_register(client, cast):
    log_in_verified(client, cast.citizen)
    assert client.get(url("associations_register", cast.council)).status_code in (403, 404)
