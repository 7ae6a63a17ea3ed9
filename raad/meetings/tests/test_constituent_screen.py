"""The meeting screen of a constituent meeting says who presides until the forperson is elected (R12): the
member the secretariat recorded as presiding (the eldest), else the secretariat; then the forperson."""

import pytest
from django.urls import reverse

from raad.meetings import services
from raad.meetings.models import Meeting
from raad.meetings.tests.conftest import all_present, at
from raad.testing.cast import log_in_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def constituent(cast) -> Meeting:
    meeting = services.meeting_plan(
        council=cast.council,
        starts_at=at(2026, 12, 10),
        place="Holbæk Rådhus",
        address="",
        kind=Meeting.Kind.CONSTITUENT,
        by=cast.secretary,
    )
    services.item_add(meeting=meeting, title="Valg af forperson", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    return meeting


def screen_text(client, cast, meeting):
    log_in_verified(client, cast.secretary)
    response = client.get(reverse("meetings:screen", args=[cast.council.slug, meeting.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_secretariat_presides_until_a_member_is_recorded(client, cast, constituent):
    all_present(constituent, cast, except_=(0,))  # no forperson present; the næstforperson does not lead it
    page = screen_text(client, cast, constituent)
    assert "Mødeleder: sekretariatet, indtil forpersonen er valgt (konstituerende møde)" in page


def test_the_member_recorded_as_presiding_is_shown(client, cast, constituent):
    all_present(constituent, cast, except_=(0,))
    eldest = cast.members[3]
    services.meeting_set_leader(meeting=constituent, membership=eldest, by=cast.secretary)
    page = screen_text(client, cast, constituent)
    assert f"Mødeleder: {eldest.person}, indtil forpersonen er valgt (konstituerende møde)" in page


def test_the_forperson_leads_once_present(client, cast, constituent):
    all_present(constituent, cast)
    page = screen_text(client, cast, constituent)
    assert f"Mødeleder: {cast.chair.person} (Forperson)" in page
    assert "indtil forpersonen er valgt" not in page


def test_an_ordinary_meeting_without_leaders_says_nobody_leads(client, cast, meeting):
    services.item_add(meeting=meeting, title="Sprogskolens tilbud", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast, except_=(0, 1))
    page = screen_text(client, cast, meeting)
    assert "Mødeleder: ingen – forperson og næstforperson er ikke til stede" in page
