"""axe-core (WCAG 2.1 A/AA) finds nothing on the membership pages: the public nomination form (empty,
with errors, on a phone), the confirmation page, the roster, the secretariat's screens and the election
screens, in Danish and English."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from raad.councils.selectors import council_by_slug, current_term
from raad.membership import links, services
from raad.membership.models import Election, Nomination, Seat
from raad.membership.selectors import memberships_in_force
from raad.testing.browser import login

pytestmark = pytest.mark.browser
SLUG = "integrationsraadet"
WORKSPACE = f"/arbejdsrum/{SLUG}"
LANGUAGES = [("da", ""), ("en", "/en")]


def _open(page, url: str, status: int = 200) -> None:
    response = page.goto(url)
    assert response is not None and response.status == status, f"{url}: HTTP {response and response.status}"
    assert page.locator("h1").count() == 1


def _call():
    council = council_by_slug(SLUG)
    seat = Seat.objects.get(council=council, number=5)
    call = services.nomination_call_open(
        council=council,
        term=current_term(council),
        title="Indstilling til plads 5",
        deadline=timezone.now() + datetime.timedelta(days=7),
        by=None,
    )
    return call, seat


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES, ids=[c for c, _ in LANGUAGES])
def test_nomination_form_and_its_errors(page, live_server, demo_data, assert_accessible, language, prefix):
    call, seat = _call()
    url = f"{live_server.url}{prefix}/indstilling/{links.nominate_token(call_id=call.pk, body_id=seat.nominating_body_id)}/"
    _open(page, url)
    assert_accessible(page)
    page.fill("input[name=first_name]", "Ida")
    page.fill("input[name=postcode]", "4000")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".form-error-message").count() >= 1
    assert page.input_value("input[name=first_name]") == "Ida"  # typed values are kept
    assert_accessible(page)


def test_nomination_form_on_a_phone_without_javascript(browser, live_server, demo_data, assert_accessible):
    call, seat = _call()
    context = browser.new_context(viewport={"width": 375, "height": 740}, java_script_enabled=False, locale="da-DK")
    phone = context.new_page()
    url = f"{live_server.url}/indstilling/{links.nominate_token(call_id=call.pk, body_id=seat.nominating_body_id)}/"
    _open(phone, url)
    for name, value in {
        "first_name": "Ida",
        "last_name": "Berg",
        "street_address": "Algade 3",
        "postcode": "4300",
        "city": "Holbæk",
        "email": "ida@example.org",
        "motivation": "Aktiv i lektiecafeen.",
        "substitute_first_name": "Bo",
        "substitute_last_name": "Lund",
        "substitute_street_address": "Algade 4",
        "substitute_postcode": "4340",
        "substitute_city": "Tølløse",
        "substitute_email": "bo@example.org",
        "submitted_by_name": "Karen",
        "submitted_by_email": "karen@example.org",
    }.items():
        phone.fill(f"[name={name}]", value)
    phone.click("main form button[type=submit]")
    phone.wait_for_load_state()
    assert "Tak. Indstillingen er modtaget." in phone.inner_text("main")
    assert Nomination.objects.filter(call=call).count() == 1
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the form scrolls sideways on a phone ({width}px)"
    context.close()


def test_confirmation_page(page, live_server, demo_data, assert_accessible):
    nomination = Nomination.objects.get(candidate__first_name="Helle")
    Nomination.objects.filter(pk=nomination.pk).update(candidate_confirmed_at=None, status="submitted")
    token = links.confirm_token(nomination_id=nomination.pk, who="candidate")
    _open(page, f"{live_server.url}/indstilling/bekraeft/{token}/")
    assert_accessible(page)


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES, ids=[c for c, _ in LANGUAGES])
def test_sender_confirms_the_address_before_the_receipt(
    page, live_server, demo_data, assert_accessible, language, prefix
):
    nomination = Nomination.objects.get(candidate__first_name="Helle")
    Nomination.objects.filter(pk=nomination.pk).update(submitted_by_confirmed_at=None)
    _open(
        page, f"{live_server.url}{prefix}/indstilling/kvittering/{links.submitter_token(nomination_id=nomination.pk)}/"
    )
    assert_accessible(page)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.locator("[role=status]").count() == 1
    assert_accessible(page)
    assert Nomination.objects.get(pk=nomination.pk).submitted_by_confirmed_at is not None


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES, ids=[c for c, _ in LANGUAGES])
def test_too_many_submissions_page(page, live_server, demo_data, assert_accessible, language, prefix):
    from django.conf import settings

    from raad.core import ratelimit

    call, seat = _call()
    token = links.nominate_token(call_id=call.pk, body_id=seat.nominating_body_id)
    _open(page, f"{live_server.url}{prefix}/indstilling/{token}/")
    for _submission in range(settings.PUBLIC_FORM_RATE_LIMIT):
        ratelimit.count("nominate", token)
    with page.expect_navigation() as navigation:
        page.click("main form button[type=submit]")
    assert navigation.value.status == 429
    assert page.inner_text("h1") == {"da": "For mange indsendelser", "en": "Too many submissions"}[language]
    assert_accessible(page)


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES, ids=[c for c, _ in LANGUAGES])
def test_roster(page, live_server, demo_data, assert_accessible, language, prefix):
    _open(page, f"{live_server.url}{prefix}/raad/{SLUG}/medlemmer/")
    text = page.inner_text("main")
    assert "Amina Yusuf" in text and "Demovej" not in text and "@demo.invalid" not in text
    assert_accessible(page)


SECRETARIAT_PAGES = [
    f"{WORKSPACE}/",
    f"{WORKSPACE}/bemanding/",
    f"{WORKSPACE}/bemanding/plads-6/",
    f"{WORKSPACE}/bemanding/ny-plads/",
    f"{WORKSPACE}/bemanding/plads-1/organisation/",
    f"{WORKSPACE}/bemanding/organisationer/",
    f"{WORKSPACE}/bemanding/udpegning/",
    f"{WORKSPACE}/bemanding/indkaldelser/",
    f"{WORKSPACE}/valg/",
]


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES, ids=[c for c, _ in LANGUAGES])
def test_secretariat_membership_screens(page, live_server, demo_data, assert_accessible, language, prefix):
    login(page, live_server, "sekretariat")
    for path in SECRETARIAT_PAGES:
        _open(page, f"{live_server.url}{prefix}{path}")
        assert_accessible(page)
    for election in Election.objects.all():
        _open(page, f"{live_server.url}{prefix}{WORKSPACE}/valg/{election.pk}/")
        assert_accessible(page)
    membership = memberships_in_force(council_by_slug(SLUG)).first()
    _open(page, f"{live_server.url}{prefix}{WORKSPACE}/bemanding/medlemskab/{membership.pk}/")
    assert_accessible(page)


def test_member_votes_on_own_device(page, live_server, demo_data, assert_accessible):
    council = council_by_slug(SLUG)
    members = memberships_in_force(council)
    amina = members.get(person__first_name="Amina")
    services.member_resign(membership=amina, last_day=datetime.date(2026, 11, 1), by=None)
    ahmad, lars = members.get(person__first_name="Ahmad"), members.get(person__first_name="Lars")
    election = services.election_open(
        council=council,
        office=Election.Office.CHAIR,
        method=Election.Method.SECRET_DEVICE,
        held_on=timezone.localdate(),
        candidates=[ahmad, lars],
        voters_present=12,
        by=None,
    )
    login(page, live_server, "medlem")
    _open(page, f"{live_server.url}{WORKSPACE}/valg/{election.pk}/")
    assert_accessible(page)
    page.check("input[name=choice][value='blank']")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "Din stemme er afgivet" in page.inner_text("main")
    assert_accessible(page)


@pytest.mark.parametrize(("language", "prefix"), LANGUAGES, ids=[c for c, _ in LANGUAGES])
def test_secretariat_withdraws_a_nomination(page, live_server, demo_data, assert_accessible, language, prefix):
    call, seat = _call()
    nomination = services.nomination_submit(
        call=call,
        nominating_body=seat.nominating_body,
        seat=seat,
        candidate=services.CandidateData("Ida", "Berg", "ida@example.org", "", "Algade 3", "4300", "Holbæk"),
        substitute=services.CandidateData("Bo", "Lund", "bo@example.org", "", "Algade 4", "4340", "Tølløse"),
        motivation="",
        submitted_by_name="Karen Kontakt",
        submitted_by_email="karen@example.org",
    )
    login(page, live_server, "sekretariat")
    call_url = f"{live_server.url}{prefix}{WORKSPACE}/bemanding/indkaldelser/{call.pk}/"
    _open(page, call_url)
    assert_accessible(page)
    page.click(f"a[href$='/indstillinger/{nomination.pk}/traek-tilbage/']")
    page.wait_for_load_state()
    assert page.locator("textarea[name=reason]").count() == 1
    assert_accessible(page)
    page.click("main form button[type=submit]")  # no reason: refused, nothing written
    page.wait_for_load_state()
    assert page.locator(".form-error-message").count() == 1
    assert Nomination.objects.get(pk=nomination.pk).status == "submitted"
    assert_accessible(page)
    page.fill("textarea[name=reason]", "Organisationen har trukket indstillingen.")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert page.url == call_url
    row = page.locator("tbody tr", has_text="Ida Berg").inner_text()
    assert ("Trukket tilbage" if language == "da" else "Withdrawn") in row
    assert "Organisationen har trukket indstillingen." in row
    assert Nomination.objects.get(pk=nomination.pk).status == "withdrawn"
    assert_accessible(page)
