"""Local media: only the forperson in office approves a press release (not the secretariat, not the
næstforperson); an approved release cannot be changed; sending reaches each outlet on the media list once, through
the outbox; drafts and approved-but-unsent releases are never public; the coverage log and its year figures."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from raad.community.models import PressRelease, PressReleaseDispatch
from raad.community.selectors import media as selectors
from raad.community.services import media as services
from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry, OutgoingMail
from raad.councils.models import Purpose
from raad.testing import assert_unchanged
from raad.testing.cast import log_in_verified

from .vm_helpers import outlet, release, today


def test_only_the_forperson_approves(cast):
    council, secretary = cast.council, cast.secretary
    draft = release(council, secretary)
    for login in ("sekretariat", "naestforperson", "medlem"):
        with assert_unchanged(), pytest.raises(RuleViolation, match="Kun rådets forperson"):
            services.press_release_approve(release=draft, by=cast.users[login])
    services.press_release_approve(release=draft, by=cast.users["forperson"])
    draft.refresh_from_db()
    assert draft.status == PressRelease.Status.APPROVED and draft.approved_by == cast.users["forperson"]
    assert AuditEntry.objects.filter(verb="press_release.approved", actor=cast.users["forperson"]).count() == 1
    with assert_unchanged(), pytest.raises(RuleViolation, match="kan ikke længere ændres"):
        services.press_release_update(release=draft, title="Ny titel", body="Ny tekst", by=secretary)


def test_a_draft_cannot_be_sent(cast):
    draft = release(cast.council, cast.secretary)
    outlet(cast.council, cast.secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="skal godkendes af forpersonen"):
        services.press_release_send(release=draft, by=cast.secretary)


def test_sending_reaches_each_outlet_once(cast):
    council, secretary = cast.council, cast.secretary
    first = outlet(council, secretary)
    inactive = outlet(council, secretary, name="Gammel Avis (opdigtet)", email="gammel@avis.invalid")
    services.outlet_update(outlet=inactive, name=inactive.name, email=inactive.email, active=False, by=secretary)
    approved = release(council, secretary)
    services.press_release_approve(release=approved, by=cast.users["forperson"])
    services.press_release_send(release=approved, by=secretary)
    approved.refresh_from_db()
    assert approved.status == PressRelease.Status.PUBLISHED and approved.published_at is not None
    assert list(OutgoingMail.objects.values_list("to", flat=True)) == ["redaktion@isefjordsposten.invalid"]
    with assert_unchanged(), pytest.raises(RuleViolation, match="allerede sendt til alle medier"):
        services.press_release_send(release=approved, by=secretary)
    later = outlet(council, secretary, name="Radio Holbæk (opdigtet)", email="nyheder@radio.invalid")
    services.press_release_send(release=approved, by=secretary)
    assert sorted(OutgoingMail.objects.values_list("to", flat=True)) == [
        "nyheder@radio.invalid",
        "redaktion@isefjordsposten.invalid",
    ]
    assert set(PressReleaseDispatch.objects.values_list("outlet", flat=True)) == {first.pk, later.pk}
    mail = OutgoingMail.objects.get(to="nyheder@radio.invalid")
    assert "Rådet inviterer til integrationens dag" in mail.subject
    assert reverse("community:press_release", args=[council.slug, approved.pk]) in mail.body


def test_only_sent_releases_are_public_and_cpr_is_masked(cast, client):
    council, secretary = cast.council, cast.secretary
    outlet(council, secretary)
    release(council, secretary, title="KLADDE-TITEL")
    approved = release(council, secretary, title="GODKENDT-IKKE-SENDT")
    services.press_release_approve(release=approved, by=cast.users["forperson"])
    sent = release(council, secretary, body="Kontakt os. Cpr 010190-1234.", internal_note="INTERN-NOTE")
    services.press_release_approve(release=sent, by=cast.users["forperson"])
    services.press_release_send(release=sent, by=secretary)
    assert selectors.public_press_releases(council) == [sent]
    listing = client.get(reverse("community:press_public", args=[council.slug])).content.decode()
    assert "KLADDE-TITEL" not in listing and "GODKENDT-IKKE-SENDT" not in listing
    detail = client.get(reverse("community:press_release", args=[council.slug, sent.pk])).content.decode()
    assert "Kontakt os." in detail and "010190-1234" not in detail and "INTERN-NOTE" not in detail
    assert client.get(reverse("community:press_release", args=[council.slug, approved.pk])).status_code == 404


def test_coverage_for_year_counts_per_purpose(cast):
    council, secretary = cast.council, cast.secretary
    purposes = list(Purpose.objects.filter(terms_of_reference__council=council).order_by("number"))
    day = today()
    services.coverage_record(
        council=council,
        outlet="Isefjordsposten (opdigtet)",
        published_on=day,
        headline="A",
        purposes=purposes[:2],
        by=secretary,
    )
    services.coverage_record(
        council=council, outlet="X", published_on=day, headline="B", purposes=purposes[:1], by=secretary
    )
    services.coverage_record(council=council, outlet="X", published_on=day, headline="C", by=secretary)
    services.coverage_record(
        council=council,
        outlet="X",
        published_on=day.replace(year=day.year - 1),
        headline="D",
        purposes=purposes[:1],
        by=secretary,
    )
    year = selectors.coverage_for_year(council, day.year)
    assert year.total == 3 and year.without_purpose == 1
    counts = [n for _purpose, n in year.per_purpose]
    assert counts == [2, 1] + [0] * (len(purposes) - 2)
    with assert_unchanged(), pytest.raises(RuleViolation, match="fremtiden"):
        services.coverage_record(
            council=council, outlet="X", published_on=day + datetime.timedelta(days=1), headline="E", by=secretary
        )


def test_press_releases_for_year(cast):
    council, secretary = cast.council, cast.secretary
    outlet(council, secretary)
    sent = release(council, secretary)
    release(council, secretary, title="Kladde")
    services.press_release_approve(release=sent, by=cast.users["forperson"])
    services.press_release_send(release=sent, by=secretary)
    assert selectors.press_releases_for_year(council, today().year) == [sent]


# --- Views -------------------------------------------------------------------------------------------------


def test_the_forperson_approves_through_the_page_and_the_secretariat_cannot(client, cast):
    council = cast.council
    draft = release(council, cast.secretary)
    approve = reverse("community:press_release_approve", args=[council.slug, draft.pk])
    log_in_verified(client, cast.secretary)
    page = client.get(reverse("community:press_release_workspace", args=[council.slug, draft.pk])).content.decode()
    assert "Godkend pressemeddelelsen" not in page and "Venter på forpersonens godkendelse." in page
    with assert_unchanged():
        response = client.post(approve)
    assert response.status_code == 400 and "Kun rådets forperson" in response.content.decode()
    log_in_verified(client, cast.users["forperson"])
    desk = client.get(reverse("secretariat:council", args=[council.slug])).content.decode()
    assert "Venter på forpersonens godkendelse" in desk and draft.title in desk
    assert client.post(approve).status_code == 302
    draft.refresh_from_db()
    assert draft.status == PressRelease.Status.APPROVED


def test_release_form_keeps_bad_input(client, cast):
    log_in_verified(client, cast.users["medlem"])
    url = reverse("community:press_release_new", args=[cast.council.slug])
    with assert_unchanged():
        response = client.post(url, {"title": "Overskrift uden tekst", "body": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="Overskrift uden tekst"' in page and "Formularen kunne ikke gemmes" in page


def test_outlet_and_coverage_forms_keep_bad_input(client, cast):
    log_in_verified(client, cast.secretary)
    slug = cast.council.slug
    outlet(cast.council, cast.secretary)
    with assert_unchanged():
        response = client.post(
            reverse("community:outlets", args=[slug]),
            {"name": "Isefjordsposten (opdigtet)", "email": "ny@isefjordsposten.invalid"},
        )
    assert response.status_code == 400 and "Mediet er allerede på medielisten." in response.content.decode()
    with assert_unchanged():
        response = client.post(
            reverse("community:coverage_new", args=[slug]),
            {
                "outlet": "Radio (opdigtet)",
                "published_on": "igår",
                "headline": "Rådet i radioen",
                "link": "ikke et link",
            },
        )
    assert response.status_code == 400 and 'value="Rådet i radioen"' in response.content.decode()
    response = client.post(
        reverse("community:coverage_new", args=[slug]),
        {"outlet": "Radio (opdigtet)", "published_on": today().isoformat(), "headline": "Rådet i radioen"},
    )
    assert response.status_code == 302
    page = client.get(reverse("community:coverage", args=[slug]), {"aar": today().year}).content.decode()
    assert "Rådet i radioen" in page and "I alt" in page
