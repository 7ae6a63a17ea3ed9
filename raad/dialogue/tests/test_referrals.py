"""The referral catalogue (R9): public page in the reader's language, kept by the secretariat in the workspace
(create, edit, deactivate; never delete)."""

import pytest
from django.test import override_settings

from raad.core.models import AuditEntry
from raad.core.translations import translation_set
from raad.dialogue.models import ReferralService
from raad.dialogue.services import inquiries as inquiry_services
from raad.testing import assert_unchanged
from raad.testing.cast import log_in_verified

from .inquiry_helpers import LANGUAGES, make_referral, submit, url

pytestmark = pytest.mark.django_db


@override_settings(LANGUAGES=LANGUAGES)
def test_the_public_catalogue_shows_active_services_in_the_readers_language(client, holbaek):
    jobcenter = make_referral(holbaek)
    closed = make_referral(holbaek, "Det gamle integrationskontor")
    from raad.dialogue.services.referrals import referral_set_active

    referral_set_active(referral=closed, active=False, by=None, council=holbaek)
    translation_set(obj=jobcenter, field="name", language="en", text="Holbæk Job Centre", status="reviewed")
    translation_set(obj=jobcenter, field="name", language="uk", text="Центр зайнятості Гольбек", status="draft")
    danish = client.get(url("referral_catalogue")).content.decode()
    assert "Jobcenter Holbæk" in danish and "72 36 00 00" in danish and "Mandag–fredag kl. 9–14" in danish
    assert "Det gamle integrationskontor" not in danish
    assert "Holbæk Job Centre" in client.get(url("referral_catalogue", lang="en")).content.decode()
    ukrainian = client.get(url("referral_catalogue", lang="uk")).content.decode()
    assert "Центр зайнятості Гольбек" in ukrainian and "Де я можу отримати допомогу?" in ukrainian


def test_the_secretariat_creates_edits_and_deactivates_a_service(client, cast):
    secretariat = log_in_verified(client, cast.secretary)
    response = secretariat.post(
        url("referral_new"),
        {"name": "Sprogcenter Holbæk", "phone": "72 36 11 11", "opening_hours": "Man–tor 8–15", "position": 2},
    )
    assert response.status_code == 302
    sprogcenter = ReferralService.objects.get(slug="sprogcenter-holbaek")
    assert (sprogcenter.municipality_id, sprogcenter.phone, sprogcenter.active) == (
        cast.council.municipality_id,
        "72 36 11 11",
        True,
    )
    response = secretariat.post(
        url("referral", sprogcenter.pk), {"name": "Sprogcenter Holbæk", "phone": "72 36 22 22", "position": 2}
    )
    assert response.status_code == 302
    sprogcenter.refresh_from_db()
    assert sprogcenter.phone == "72 36 22 22"
    updated = AuditEntry.objects.get(verb="referral.updated")
    assert updated.changes["phone"] == {"before": "72 36 11 11", "after": "72 36 22 22"}
    inquiry = submit(cast.council)
    inquiry_services.inquiry_refer(inquiry=inquiry, referral=sprogcenter, by=cast.secretary)
    assert secretariat.post(url("referral_active", sprogcenter.pk), {"active": "0"}).status_code == 302
    sprogcenter.refresh_from_db()
    inquiry.refresh_from_db()
    assert sprogcenter.active is False and inquiry.referral_id == sprogcenter.pk  # kept, not deleted
    # A deactivated service is no longer offered for a referral
    other = submit(cast.council, text="En anden sag")
    with assert_unchanged():
        response = secretariat.post(url("inquiry_refer", other.pk), {"referral": sprogcenter.pk, "reply": ""})
    assert response.status_code == 400


def test_a_referral_without_a_name_is_refused(client, cast):
    secretariat = log_in_verified(client, cast.secretary)
    with assert_unchanged():
        response = secretariat.post(url("referral_new"), {"name": "", "position": 1})
    assert response.status_code == 400
    assert response.context["form"].errors["name"]


def test_a_member_cannot_keep_the_catalogue(client, cast):
    member = log_in_verified(client, cast.users["medlem"])
    with assert_unchanged():
        assert member.post(url("referral_new"), {"name": "X", "position": 1}).status_code == 403
