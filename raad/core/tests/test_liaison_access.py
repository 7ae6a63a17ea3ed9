"""The board's liaison and confidentiality (R27): by default the liaison sees what is public plus the approved
minutes (without closed items); where the rules of procedure let the liaison attend as a guest bound by
confidentiality, the liaison reads closed items and unapproved minutes with the members' objections."""

from __future__ import annotations

import pytest
from django.utils import timezone, translation

from raad.councils import rules as procedure
from raad.councils.selectors import rules_in_force
from raad.councils.services import rules_adopt_with_decision
from raad.meetings import services
from raad.meetings.models import Attachment
from raad.meetings.tests.conftest import all_present, at
from raad.meetings.tests.factories import SECRET, meeting_with_items, published_meeting
from raad.testing.cast import log_in_verified

pytestmark = pytest.mark.django_db

OBJECTION = "Punkt 1 er gengivet forkert"


def _circulated_minutes_with_an_objection(cast):
    meeting = meeting_with_items(cast, n_open=1, starts=at(2026, 12, 3))
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast)
    services.meeting_mark_held(meeting=meeting, by=cast.secretary)
    minutes = services.minutes_start(meeting=meeting, by=cast.secretary)
    services.minutes_circulate(minutes=minutes, by=cast.secretary)
    services.minutes_respond(minutes=minutes, membership=cast.member, kind="object", comment=OBJECTION, by=None)
    return meeting


@pytest.fixture
def scenario(cast, client):
    published, _open_item, closed_item = published_meeting(cast)
    circulated = _circulated_minutes_with_an_objection(cast)
    slug = cast.council.slug
    base = f"/arbejdsrum/{slug}/moeder"
    closed_attachment = Attachment.objects.get(item=closed_item)
    log_in_verified(client, cast.liaison)
    return {
        "meeting": f"{base}/{published.pk}/",
        "closed_attachment": f"{base}/{published.pk}/bilag/{closed_attachment.pk}/",
        "packet": f"{base}/{published.pk}/dagsorden.pdf",
        "approved_minutes": f"{base}/{published.pk}/referat/",
        "circulated_minutes": f"{base}/{circulated.pk}/referat/",
    }


def _make_liaison_a_guest(cast):
    today = timezone.localdate()
    current = rules_in_force(cast.council, today)
    rules_adopt_with_decision(
        council=cast.council,
        settings={**{f: getattr(current, f) for f in procedure.SETTING_FIELDS}, "liaison_attends_as_guest": True},
        in_force_from=today,
        adopted_on=today,
        decision_reference="KB 26.11.2026, pkt. 4",
        by=None,
    )


def test_by_default_the_liaison_reads_only_the_approved_minutes_without_closed_items(client, cast, scenario):
    assert rules_in_force(cast.council).liaison_attends_as_guest is False
    statuses = {name: client.get(url).status_code for name, url in scenario.items()}
    assert statuses == {
        "meeting": 403,
        "closed_attachment": 403,
        "packet": 403,
        "approved_minutes": 200,
        "circulated_minutes": 403,
    }
    page = client.get(scenario["approved_minutes"]).content.decode()
    assert "Rådet anbefaler flere praktikpladser." in page
    assert SECRET not in page and SECRET.lower() not in page
    # The public pages stay open to the liaison as to anyone.
    assert client.get(f"/raad/{cast.council.slug}/moeder/").status_code == 200


def test_a_liaison_who_attends_as_a_guest_reads_closed_items_and_objections(client, cast, scenario):
    _make_liaison_a_guest(cast)
    statuses = {name: client.get(url).status_code for name, url in scenario.items()}
    assert statuses == {name: 200 for name in scenario}
    assert OBJECTION in client.get(scenario["circulated_minutes"]).content.decode()
    assert SECRET in client.get(scenario["approved_minutes"]).content.decode()


def test_members_still_read_closed_items_and_objections_under_the_default(client, cast, scenario):
    log_in_verified(client, cast.users["medlem"])
    statuses = {name: client.get(url).status_code for name, url in scenario.items()}
    assert statuses == {name: 200 for name in scenario}
    assert OBJECTION in client.get(scenario["circulated_minutes"]).content.decode()


@translation.override("da")
def test_the_rules_of_procedure_say_what_the_liaison_reads():
    texts = [
        c.text({"liaison_attends_as_guest": False})
        for section in procedure.SECTIONS
        for c in section.clauses
        if "liaison_attends_as_guest" in c.fields
    ]
    assert texts and "de godkendte referater uden lukkede punkter" in texts[0]
    texts = [
        c.text({"liaison_attends_as_guest": True})
        for section in procedure.SECTIONS
        for c in section.clauses
        if "liaison_attends_as_guest" in c.fields
    ]
    assert "deltager som gæst med tavshedspligt" in texts[0]
