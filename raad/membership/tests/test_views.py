"""The workspace screens, the public nomination and confirmation forms and the secret ballot, through HTTP."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from raad.core.models import AuditEntry, User
from raad.councils import services as councils_services
from raad.councils.selectors import council_by_slug, current_term
from raad.membership import links, services
from raad.membership.demo import DEMO_PASSWORD
from raad.membership.models import BallotCast, Election, Membership, Nomination, Person, RoundCount, Seat
from raad.membership.selectors import memberships_in_force
from raad.testing import assert_unchanged, totp_code

# The demo's dates are pinned below (resignations in November 2026): run on the day the story is written for.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_the_demo_day")]
SLUG = "integrationsraadet"
SEATS = reverse("membership:seats", args=[SLUG])


def login(client, username):
    response = client.post(reverse("core:login"), {"username": username, "password": DEMO_PASSWORD})
    if response["Location"].startswith(reverse("core:otp_verify")):
        response = client.post(response["Location"], {"token": totp_code(User.objects.get(username=username))})
    assert response.status_code == 302


def member(first_name) -> Membership:
    return memberships_in_force(council_by_slug(SLUG)).get(person__first_name=first_name)


def test_seat_catalogue_shows_seats_members_and_the_flagged_member(client, demo_data):
    login(client, "sekretariat")
    page = client.get(SEATS).content.decode()
    assert "Dansk Flygtningehjælp Frivillignetværk Holbæk" in page and "kontakt1@forening.invalid" in page
    assert "Meldt fraflyttet" in page
    assert "Hanne Jørgensen er meldt fraflyttet og skal udtræde." in page


def test_composition_panel_on_the_secretariat_desk(client, demo_data):
    login(client, "sekretariat")
    page = client.get(reverse("secretariat:council", args=[SLUG])).content.decode()
    assert "Sammensætning" in page and "Hanne Jørgensen er meldt fraflyttet og skal udtræde." in page


@pytest.mark.parametrize("name", ["seats", "decision", "calls", "bodies"])
def test_members_cannot_open_the_secretariat_screens(client, demo_data, name):
    login(client, "medlem")
    assert client.get(reverse(f"membership:{name}", args=[SLUG])).status_code == 403


def test_seat_history_shows_the_refill(client, demo_data):
    login(client, "sekretariat")
    page = client.get(reverse("membership:seat_history", args=[SLUG, 6])).content.decode()
    assert page.index("Ali Hassan") < page.index("Jonas Petersen")
    assert "indtrådt som stedfortræder" in page and "Udtrådt efter eget ønske" in page


def test_resignation_through_the_form(client, demo_data):
    login(client, "sekretariat")
    sofie = member("Sofie")
    response = client.post(
        reverse("membership:membership_change", args=[SLUG, sofie.pk]),
        {"end-reason": "resigned", "end-last_day": "2026-11-30", "end": "1"},
    )
    assert response.status_code == 302
    sofie.refresh_from_db()
    assert (sofie.ends_on, sofie.end_reason) == (datetime.date(2026, 11, 30), "resigned")


def test_board_decision_form_names_the_rule_keeps_values_and_writes_nothing(client, demo_data):
    login(client, "sekretariat")
    services.member_resign(membership=member("Sofie"), last_day=datetime.date(2026, 11, 1), by=None)
    with assert_unchanged():
        response = client.post(
            reverse("membership:decision", args=[SLUG]),
            {
                "decided_on": "2026-11-18",
                "meeting": "Kommunalbestyrelsens møde 18. november 2026",
                "reference": "KB 18.11.2026, pkt. 4",
                "starts_on": "2026-12-01",
                "seat_15_first_name": "Ole",
                "seat_15_last_name": "Udenbys",
                "seat_15_postcode": "4000",
                "seat_15_city": "Roskilde",
                "seat_15_street_address": "Algade 2",
            },
        )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Plads 15: Ole Udenbys har ikke bopæl i kommunen (forretningsorden § 1, stk. 1)." in page
    assert 'value="KB 18.11.2026, pkt. 4"' in page and 'value="Udenbys"' in page


def test_board_decision_form_appoints_a_direct_member(
    client, demo_data, django_capture_on_commit_callbacks, mailoutbox
):
    login(client, "sekretariat")
    services.member_resign(membership=member("Sofie"), last_day=datetime.date(2026, 11, 1), by=None)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("membership:decision", args=[SLUG]),
            {
                "decided_on": "2026-11-18",
                "meeting": "Kommunalbestyrelsens møde 18. november 2026",
                "reference": "KB 18.11.2026, pkt. 4",
                "starts_on": "2026-12-01",
                "seat_15_first_name": "Ida",
                "seat_15_last_name": "Berg",
                "seat_15_postcode": "4390",
                "seat_15_city": "Vipperød",
                "seat_15_email": "ida@example.org",
            },
        )
    assert response.status_code == 302
    ida = Membership.objects.get(person__first_name="Ida", person__last_name="Berg")
    assert (ida.seat.number, ida.starts_on, ida.appointment.reference) == (
        15,
        datetime.date(2026, 12, 1),
        "KB 18.11.2026, pkt. 4",
    )
    assert [m.to for m in mailoutbox] == [["ida@example.org"]]


# --- Calls, the public nomination form and the confirmation ----------------------------------------


@pytest.fixture
def open_call(demo_data):
    council = council_by_slug(SLUG)
    services.member_resign(membership=member("Mette"), last_day=datetime.date(2026, 11, 30), by=None)
    seat = Seat.objects.get(council=council, number=4)
    call = services.nomination_call_open(
        council=council,
        term=current_term(council),
        title="Indstilling til plads 4",
        deadline=timezone.now() + datetime.timedelta(days=14),
        seat=seat,
        by=None,
    )
    return call, seat


def nominate_url(call, seat):
    return reverse("membership:nominate", args=[links.nominate_token(call_id=call.pk, body_id=seat.nominating_body_id)])


FORM = {
    "first_name": "Ida",
    "last_name": "Berg",
    "street_address": "Algade 3",
    "postcode": "4300",
    "city": "Holbæk",
    "email": "ida@example.org",
    "phone": "",
    "motivation": "Aktiv i lektiecafeen.",
    "substitute_first_name": "Bo",
    "substitute_last_name": "Lund",
    "substitute_street_address": "Algade 4",
    "substitute_postcode": "4340",
    "substitute_city": "Tølløse",
    "substitute_email": "bo@example.org",
    "submitted_by_name": "Karen Kontakt",
    "submitted_by_email": "karen@example.org",
}


def test_calls_are_opened_and_the_body_is_emailed_its_link(
    client, demo_data, django_capture_on_commit_callbacks, mailoutbox
):
    login(client, "sekretariat")
    services.member_resign(membership=member("Mette"), last_day=datetime.date(2026, 11, 20), by=None)
    seat = Seat.objects.get(council__slug=SLUG, number=4)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("membership:calls", args=[SLUG]),
            {
                "title": "Indstilling til plads 4",
                "seat": seat.pk,
                "deadline": "2026-12-20T12:00",
                "message": "",
                "confirm": "yes",  # sent from the preview
            },
        )
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [[seat.nominating_body.contact_email]]
    # The link is absolute, from SITE_URL (the test settings: https://raad.test), not from the request.
    link = re.search(r"https://raad\.test(/indstilling/\S+/)", mailoutbox[0].body).group(1)
    assert client.get(link).status_code == 200


def test_a_call_for_an_occupied_seat_is_refused(client, demo_data):
    login(client, "sekretariat")
    seat = Seat.objects.get(council__slug=SLUG, number=1)
    response = client.post(
        reverse("membership:calls", args=[SLUG]),
        {"title": "Plads 1", "seat": seat.pk, "deadline": "2026-12-20T12:00", "message": ""},
    )
    assert response.status_code == 400
    assert "Plads 1 er ikke ledig." in response.content.decode()


def test_nomination_form_works_without_login_and_mails_after_commit(
    client, open_call, django_capture_on_commit_callbacks, mailoutbox
):
    call, seat = open_call
    url = nominate_url(call, seat)
    page = client.get(url).content.decode()
    assert "Indstilling til plads 4" in page and seat.nominating_body.name in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {**FORM, "seat": seat.pk})
    assert response.status_code == 200
    assert "Tak. Indstillingen er modtaget." in response.content.decode()
    nomination = Nomination.objects.get(call=call)
    assert (str(nomination.candidate), str(nomination.substitute_candidate)) == ("Ida Berg", "Bo Lund")
    assert sorted(m.to[0] for m in mailoutbox) == ["bo@example.org", "ida@example.org", "karen@example.org"]
    assert AuditEntry.objects.filter(verb="nomination.submitted", target_id=str(nomination.pk)).count() == 1
    # the candidate confirms through the link in her e-mail: consent
    mail = next(m for m in mailoutbox if m.to == ["ida@example.org"])
    confirm = re.search(r"https://raad\.test(/indstilling/bekraeft/\S+/)", mail.body).group(1)  # SITE_URL
    assert "Din adresse, e-mail og telefon offentliggøres aldrig" in client.get(confirm).content.decode()
    assert client.post(confirm, {"bio": "", "publish_bio": ""}).status_code == 400  # consent is required
    response = client.post(confirm, {"consent": "on", "bio": "Lærer.", "publish_bio": ""})
    assert "Tak. Du har bekræftet indstillingen." in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.status == "confirmed" and nomination.candidate_confirmed_at is not None
    assert not nomination.candidate.publish_bio  # no consent to publishing the bio


def refusal(client, url, data):
    with assert_unchanged():
        response = client.post(url, data)
    assert response.status_code == 400
    return response.content.decode()


def test_nomination_refusals(client, open_call):
    call, seat = open_call
    url = nominate_url(call, seat)
    page = refusal(client, url, {**FORM, "seat": seat.pk, "postcode": "4000", "city": "Roskilde"})
    assert (
        "Kandidaten skal have bopæl i kommunen (forretningsorden § 1, stk. 1). Postnummeret ligger uden for kommunen."
        in page
    )
    assert 'value="Algade 3"' in page  # typed values are kept
    other_seat = Seat.objects.get(council=call.council, number=1)
    page = refusal(client, url, {**FORM, "seat": other_seat.pk})
    assert "Organisationen er ikke indstillingsberettiget til denne plads." in page
    page = refusal(
        client,
        url,
        {
            **FORM,
            "seat": seat.pk,
            "substitute_first_name": "",
            "substitute_last_name": "",
            "substitute_street_address": "",
            "substitute_postcode": "",
            "substitute_city": "",
            "substitute_email": "",
        },
    )
    assert "angiv en stedfortræderkandidat" in page
    client.post(url, {**FORM, "seat": seat.pk})
    page = refusal(client, url, {**FORM, "seat": seat.pk})
    assert "Ida Berg er allerede indstillet i denne indkaldelse." in page
    with time_machine.travel(call.deadline + datetime.timedelta(minutes=1)):
        page = refusal(client, url, {**FORM, "seat": seat.pk, "email": "ny@example.org", "first_name": "Ny"})
    assert "Fristen for indstillinger udløb" in page


def test_a_forged_link_is_not_found(client, open_call):
    assert client.get(reverse("membership:nominate", args=["forfalsket:link"])).status_code == 404
    assert client.get(reverse("membership:confirm", args=["forfalsket:link"])).status_code == 404


def test_a_shared_postcode_is_accepted_and_flagged_for_the_secretariat(client, open_call):
    call, seat = open_call
    client.post(nominate_url(call, seat), {**FORM, "seat": seat.pk, "postcode": "4330", "city": "Hvalsø"})
    ida = Person.objects.get(first_name="Ida", last_name="Berg")
    assert ida.residence_needs_confirmation and not ida.resides_in_municipality
    login(client, "sekretariat")
    assert "Bopæl skal bekræftes" in client.get(SEATS).content.decode()
    client.post(reverse("membership:residence_confirm", args=[SLUG, ida.pk]), {"resides": "yes"})
    ida.refresh_from_db()
    assert ida.resides_in_municipality and not ida.residence_needs_confirmation


# --- Secret ballot ---------------------------------------------------------------------------------


def test_secret_ballot_on_own_device(client, demo_data):
    council = council_by_slug(SLUG)
    services.membership_end(membership=member("Amina"), reason="resigned", last_day=datetime.date(2026, 11, 1), by=None)
    election = services.election_open(
        council=council,
        office=Election.Office.CHAIR,
        method=Election.Method.SECRET_DEVICE,
        held_on=timezone.localdate(),
        candidates=[member("Lars"), member("Ahmad")],
        voters_present=10,
        by=None,
    )
    lars = election.candidates.get(membership=member("Lars"))
    login(client, "medlem")
    url = reverse("membership:election", args=[SLUG, election.pk])
    assert f'href="{url}"' in client.get(reverse("secretariat:council", args=[SLUG])).content.decode()
    assert "Hemmelig stemme" in client.get(url).content.decode()
    assert client.post(url, {"action": "vote", "choice": str(lars.pk)}).status_code == 302
    response = client.post(url, {"action": "vote", "choice": str(lars.pk)})
    assert response.status_code == 400
    assert BallotCast.objects.filter(round__election=election).count() == 1
    assert dict(RoundCount.objects.filter(round__election=election).values_list("candidate", "votes")) == {
        lars.pk: 1,
        election.candidates.get(membership=member("Ahmad")).pk: 0,
    }
    # no stored link between voter and choice: who voted has no choice, the counters have no voter
    assert {f.name for f in BallotCast._meta.get_fields()} == {"id", "round", "membership"}
    assert {f.name for f in RoundCount._meta.get_fields()} == {"id", "round", "candidate", "votes"}
    assert not AuditEntry.objects.filter(verb="election.ballot_cast", changes__icontains=str(lars.pk)).exists()
    # a member cannot close the round; the secretariat can
    assert client.post(url, {"action": "close"}).status_code == 403


def test_public_roster_shows_name_seat_body_role_and_only_consented_bio(client, demo_data):
    from raad.membership.selectors import public_roster

    roster = {row["name"]: row for row in public_roster(council_by_slug(SLUG))}
    assert set(roster["Amina Yusuf"]) == {
        "name",
        "seat_number",
        "seat_kind",
        "nominating_body",
        "role",
        "role_label",
        "national_representative",
        "bio",
        "photo_url",
    }
    assert roster["Amina Yusuf"]["role_label"] == "Forperson" and roster["Amina Yusuf"]["bio"].startswith(
        "Sygeplejerske"
    )
    assert roster["Lars Nielsen"]["role_label"] == "Næstforperson"
    assert roster["Ahmad Rahimi"]["role_label"] == "Medlem; repræsentant i Det Nationale Integrationsråd"
    assert roster["Ali Hassan"]["seat_number"] == 6 and "Jonas Petersen" not in roster
    assert roster["Mette Kristensen"]["bio"] == ""
    page = client.get(f"/raad/{SLUG}/medlemmer/").content.decode()
    assert "Demovej" not in page and "@demo.invalid" not in page and "4330" not in page


def test_seat_catalogue_query_count_does_not_grow_with_members(client, demo_data):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    login(client, "sekretariat")
    client.get(SEATS)  # warm caches (content types, session)
    with CaptureQueriesContext(connection) as full:
        assert client.get(SEATS).status_code == 200
    for name in ("Sofie", "Abdi", "Deniz"):
        services.member_resign(membership=member(name), last_day=datetime.date(2026, 11, 1), by=None)
    with CaptureQueriesContext(connection) as fewer:
        assert client.get(SEATS).status_code == 200
    assert len(full) == len(fewer) <= 30


def test_paper_ballot_counted_and_lot_drawn_through_the_election_screen(client, demo_data):
    council = council_by_slug(SLUG)
    services.membership_end(membership=member("Lars"), reason="resigned", last_day=datetime.date(2026, 11, 1), by=None)
    login(client, "sekretariat")
    response = client.post(
        reverse("membership:elections", args=[SLUG]),
        {
            "office": "vice_chair",
            "method": "paper",
            "held_on": timezone.localdate().isoformat(),
            "voters_present": "12",
            "candidates": [member("Mette").pk, member("Fatima").pk],
        },
    )
    assert response.status_code == 302
    election = Election.objects.get(council=council, office="vice_chair", decided_at__isnull=True)
    url = reverse("membership:election", args=[SLUG, election.pk])
    mette, fatima = (election.candidates.get(membership=member(n)) for n in ("Mette", "Fatima"))
    too_many = client.post(url, {"action": "close", f"votes_{mette.pk}": "7", f"votes_{fatima.pk}": "6", "blank": "0"})
    assert "Der er talt 13 stemmer, men kun 12 stemmeberettigede er til stede." in too_many.content.decode()
    tie = {"action": "close", f"votes_{mette.pk}": "6", f"votes_{fatima.pk}": "6", "blank": "0"}
    assert client.post(url, tie).status_code == 302
    assert client.post(url, tie).status_code == 302
    page = client.get(url).content.decode()
    assert "Der var stemmelighed to gange" in page
    assert client.post(url, {"action": "lot", "drawn_by": "Camilla Holt", "result": str(fatima.pk)}).status_code == 302
    election.refresh_from_db()
    assert election.elected == member("Fatima") and member("Fatima").role == "vice_chair"
    assert "Lodtrækning foretaget af Camilla Holt" in client.get(url).content.decode()


def _png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "navy").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("consent", [True, False])
def test_a_photo_is_published_only_with_consent(client, demo_data, consent):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from raad.membership.selectors import public_roster

    council = council_by_slug(SLUG)
    services.membership_end(membership=member("Sofie"), reason="resigned", last_day=datetime.date(2026, 11, 1), by=None)
    call = services.nomination_call_open(
        council=council,
        term=current_term(council),
        title="Alle pladser",
        deadline=timezone.now() + datetime.timedelta(days=5),
        by=None,
    )
    seat = Seat.objects.get(council=council, number=1)
    nomination = services.nomination_submit(
        call=call,
        nominating_body=seat.nominating_body,
        seat=seat,
        candidate=services.CandidateData("Ida", "Berg", "ida@example.org", "", "Algade 3", "4300", "Holbæk"),
        substitute=services.CandidateData("Bo", "Lund", "bo@example.org", "", "Algade 4", "4300", "Holbæk"),
        motivation="",
        submitted_by_name="Karen",
        submitted_by_email="karen@example.org",
    )
    url = reverse("membership:confirm", args=[links.confirm_token(nomination_id=nomination.pk, who="candidate")])
    data = {"consent": "on", "bio": "Lærer.", "photo": SimpleUploadedFile("ida.png", _png(), "image/png")}
    if consent:
        data["publish_photo"] = "on"
    assert client.post(url, data).status_code == 200
    ida = Person.objects.get(pk=nomination.candidate_id)
    assert bool(ida.photo) and ida.publish_photo is consent
    # once appointed (directly, for the test), the roster shows the photo only with consent
    decision = councils_services.board_decision_record(
        municipality=council.municipality,
        decided_on=datetime.date(2026, 11, 20),
        reference="KB",
        title="Udpegning",
        by=None,
    )
    services.member_appoint(
        person=ida,
        seat=Seat.objects.get(council=council, number=15),
        term=current_term(council),
        decision=decision,
        starts_on=datetime.date(2026, 11, 21),
        by=None,
    )
    row = next(r for r in public_roster(council) if r["name"] == "Ida Berg")
    assert bool(row["photo_url"]) is consent


def test_a_photo_must_be_an_image(client, open_call):
    from django.core.files.uploadedfile import SimpleUploadedFile

    call, seat = open_call
    client.post(nominate_url(call, seat), {**FORM, "seat": seat.pk})
    nomination = Nomination.objects.get(call=call)
    url = reverse("membership:confirm", args=[links.confirm_token(nomination_id=nomination.pk, who="candidate")])
    response = client.post(url, {"consent": "on", "photo": SimpleUploadedFile("x.png", b"not an image", "image/png")})
    assert response.status_code == 400
    nomination.refresh_from_db()
    assert nomination.candidate_confirmed_at is None


def test_english_seat_history_names_the_term_and_council_in_english(client, demo_data):
    login(client, "sekretariat")
    page = client.get("/en" + reverse("membership:seat_history", args=[SLUG, 1])).content.decode()
    assert "<td>Term 2026–2029</td>" in page
    assert "Valgperiode" not in page
    assert ">Holbæk Municipality Integration Council</a>" in page  # the breadcrumb
    # the history table scrolls inside its own region at 320 px instead of widening the page
    assert (
        '<div class="table--responsive-scroll" tabindex="0" role="region" aria-label="Who held the seat when">' in page
    )


# --- The nomination link is not a mail relay --------------------------------------------------------


def _nominee(n: int) -> dict:
    return {
        **FORM,
        "first_name": f"Kandidat{n}",
        "email": f"kandidat{n}@example.org",
        "substitute_first_name": f"Stedfortræder{n}",
        "substitute_email": f"stedfortraeder{n}@example.org",
    }


def test_the_sixth_nomination_within_the_window_is_refused_with_429(client, open_call, settings):
    call, seat = open_call
    url = nominate_url(call, seat)
    for n in range(settings.PUBLIC_FORM_RATE_LIMIT):
        response = client.post(url, {**_nominee(n), "seat": seat.pk})
        assert response.status_code == 200, n
    with assert_unchanged():
        response = client.post(url, {**_nominee(99), "seat": seat.pk})
    assert response.status_code == 429
    page = response.content.decode()
    assert "For mange indsendelser" in page
    assert "Vent 10 minutter, og prøv igen." in page
    # Another address is limited by the link just the same.
    with assert_unchanged():
        assert client.post(url, {**_nominee(98), "seat": seat.pk}, REMOTE_ADDR="198.51.100.9").status_code == 429
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=11)):  # the window has passed
        assert client.post(url, {**_nominee(97), "seat": seat.pk}).status_code == 200


def test_one_link_takes_a_bounded_number_of_nominations(client, open_call, settings):
    settings.NOMINATIONS_PER_LINK = 2
    call, seat = open_call
    url = nominate_url(call, seat)
    for n in range(2):
        assert client.post(url, {**_nominee(n), "seat": seat.pk}, REMOTE_ADDR=f"198.51.100.{n}").status_code == 200
    with assert_unchanged():
        response = client.post(url, {**_nominee(2), "seat": seat.pk}, REMOTE_ADDR="198.51.100.2")
    assert response.status_code == 400
    assert (
        "Der er allerede modtaget 2 indstillinger fra jeres organisation i denne indkaldelse, så mange som et link "
        "kan tage imod." in response.content.decode()
    )
    assert Nomination.objects.filter(call=call).count() == 2


def test_typed_addresses_get_only_a_fixed_text_until_they_confirm(
    client, open_call, django_capture_on_commit_callbacks, mailoutbox
):
    call, seat = open_call
    url = nominate_url(call, seat)
    payload = "Klik her: https://evil.invalid/gevinst"
    data = {
        **FORM,
        "seat": seat.pk,
        "first_name": payload,
        "motivation": payload,
        "submitted_by_name": payload,
        "submitted_by_email": "offer@example.org",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 200
    nomination = Nomination.objects.get(call=call)
    by_address = {m.to[0]: m for m in mailoutbox}
    assert sorted(by_address) == ["bo@example.org", "ida@example.org", "offer@example.org"]
    for message in mailoutbox:
        assert "evil.invalid" not in message.subject + message.body
    to_sender = by_address["offer@example.org"]
    assert to_sender.subject == "Bekræft din e-mailadresse – Integrationsrådet i Holbæk Kommune"
    link = re.search(r"https://raad\.test(/indstilling/kvittering/\S+/)", to_sender.body).group(1)
    # Opening the link (as a mail scanner would) sends nothing; the button does, once.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert "Bekræft og send kvittering" in client.get(link).content.decode()
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(link).content.decode()
    assert "Tak. Adressen er bekræftet" in page
    assert [m.to for m in mailoutbox] == [["offer@example.org"]]
    assert payload in mailoutbox[0].body  # the receipt, now to a confirmed address
    nomination.refresh_from_db()
    assert nomination.submitted_by_confirmed_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link)
    assert len(mailoutbox) == 1
    assert AuditEntry.objects.filter(verb="nomination.submitter_confirmed", target_id=str(nomination.pk)).count() == 1


def test_the_password_reset_form_is_rate_limited(client, demo_data, settings):
    for _attempt in range(settings.PUBLIC_FORM_RATE_LIMIT):
        assert client.post(reverse("core:password_reset"), {"email": "nogen@example.org"}).status_code == 302
    response = client.post(reverse("core:password_reset"), {"email": "nogen@example.org"})
    assert response.status_code == 429
    assert "For mange indsendelser" in response.content.decode()


def test_a_phone_field_refuses_text_and_keeps_what_was_typed(client, open_call):
    call, seat = open_call
    url = nominate_url(call, seat)
    page = refusal(client, url, {**FORM, "seat": seat.pk, "phone": "ring efter kl. 16"})
    assert "Skriv et telefonnummer med 8 cifre, fx 12 34 56 78" in page
    assert 'value="ring efter kl. 16"' in page
    assert client.post(url, {**FORM, "seat": seat.pk, "phone": "+45 12 34 56 78"}).status_code == 200
    assert Nomination.objects.get(call=call).candidate.phone == "+45 12 34 56 78"
