"""Volunteering: the strategy, its goals and the council's contributions are recorded with audit entries; bad
input changes nothing; an opportunity is public from its start to its end date and gone the day after (the test
clock), and the workspace forms keep bad input with translated errors."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from raad.community.models import VolunteeringContribution, VolunteerOpportunity
from raad.community.selectors import volunteering as selectors
from raad.community.services import volunteering as services
from raad.core.errors import RuleViolation
from raad.core.models import AuditEntry
from raad.councils.models import Purpose
from raad.dialogue.services.log import dialogue_entry_record
from raad.testing import assert_unchanged
from raad.testing.cast import log_in_verified

from .vm_helpers import association, opportunity, strategy_with_goal, today

CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")


def test_strategy_goals_and_a_contribution_linked_to_a_dialogue(cast):
    council, secretary = cast.council, cast.secretary
    strategy, goal = strategy_with_goal(council, secretary)
    services.strategy_save(council=council, title=strategy.title, summary="Resumé, cpr 010190-1234", by=secretary)
    strategy.refresh_from_db()
    assert "010190-1234" not in strategy.summary
    entry = dialogue_entry_record(
        council=council,
        held_on=today(),
        counterpart="associations",
        learned="Foreninger mangler frivillige.",
        by=secretary,
    )
    purpose = Purpose.objects.filter(terms_of_reference__council=council).order_by("number").first()
    contribution = services.contribution_record(
        council=council,
        goal=goal,
        what="Dialogmøde med foreningerne om at rekruttere unge",
        done_on=today(),
        kind=VolunteeringContribution.Kind.DIALOGUE,
        dialogue_entry=entry,
        purposes=[purpose],
        by=secretary,
    )
    assert list(contribution.purposes.all()) == [purpose]
    recorded = AuditEntry.objects.get(verb="volunteering_contribution.recorded").changes
    assert recorded["dialogue_entry"]["after"] == entry.pk and recorded["goal"]["after"] == 1
    assert set(AuditEntry.objects.values_list("verb", flat=True)) >= {
        "volunteering_strategy.recorded",
        "volunteering_strategy.updated",
        "volunteering_goal.added",
    }


def test_a_goal_number_is_used_once_and_bad_contributions_change_nothing(cast):
    council, secretary = cast.council, cast.secretary
    strategy, goal = strategy_with_goal(council, secretary)
    with assert_unchanged(), pytest.raises(RuleViolation, match="allerede et mål med dette nummer"):
        services.goal_add(strategy=strategy, number=1, title="Igen", by=secretary)
    with assert_unchanged(), pytest.raises(RuleViolation) as refused:
        services.contribution_record(council=council, goal=None, what=" ", done_on=None, kind="party", by=secretary)
    assert {v.field for v in refused.value.violations} == {"goal", "what", "done_on", "kind"}


def test_an_opportunity_needs_an_organiser_and_an_end_not_before_its_start(cast):
    council, secretary = cast.council, cast.secretary
    with assert_unchanged(), pytest.raises(RuleViolation) as refused:
        opportunity(council, secretary, association=None, organiser="", ends_on=today() - datetime.timedelta(days=9))
    assert {v.field for v in refused.value.violations} == {"organiser", "ends_on"}


def test_an_opportunity_is_public_through_its_end_date_and_gone_the_day_after(cast, client):
    council, secretary = cast.council, cast.secretary
    shown = opportunity(council, secretary, days_left=3, internal_note="INTERN-NOTE")
    not_yet = opportunity(council, secretary, title="Starter senere", starts_on=today() + datetime.timedelta(days=1))
    assert selectors.public_opportunities(council) == [shown]
    url = reverse("community:volunteering_public", args=[council.slug])
    page = client.get(url).content.decode()
    assert "Lektiecafé søger frivillige" in page and "INTERN-NOTE" not in page and not_yet.title not in page
    last_day = shown.ends_on
    with time_machine.travel(datetime.datetime.combine(last_day, datetime.time(23, 30), tzinfo=CPH)):
        assert shown in selectors.public_opportunities(council)
    with time_machine.travel(
        datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time(0, 5), tzinfo=CPH)
    ):
        assert shown not in selectors.public_opportunities(council)
        assert "Lektiecafé søger frivillige" not in client.get(url).content.decode()
    assert VolunteerOpportunity.objects.filter(pk=shown.pk).exists()  # taken down, not deleted


def test_the_public_page_shows_the_associations_given_contact_only(cast, client):
    council, secretary = cast.council, cast.secretary
    club = association(council)
    club.contact_email = "formand-privat@test.invalid"
    club.save()
    opportunity(council, secretary, contact_email="frivillig@sammen.invalid", languages=["da", "ar"])
    page = client.get(reverse("community:volunteering_public", args=[council.slug])).content.decode()
    assert "frivillig@sammen.invalid" in page and "formand-privat@test.invalid" not in page
    assert "العربية" in page


@pytest.fixture
def sec_client(client, cast):
    log_in_verified(client, cast.secretary)
    return client


def test_workspace_form_keeps_bad_input_with_errors_and_writes_nothing(sec_client, cast):
    url = reverse("community:volunteering_opportunity_new", args=[cast.council.slug])
    with assert_unchanged():
        response = sec_client.post(
            url,
            {
                "title": "Hjælp til sommerfest",
                "description": "",
                "organiser": "",
                "starts_on": "2026-13-01",
                "ends_on": "",
                "contact_email": "ikke-en-adresse",
            },
        )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="Hjælp til sommerfest"' in page
    assert "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk." in page


def test_workspace_refusal_from_the_service_is_shown_on_its_field(sec_client, cast):
    url = reverse("community:volunteering_opportunity_new", args=[cast.council.slug])
    day = today().isoformat()
    with assert_unchanged():
        response = sec_client.post(
            url, {"title": "Sommerfest", "description": "Stil borde op.", "starts_on": day, "ends_on": day}
        )
    assert response.status_code == 400
    assert "Vælg en forening, eller skriv, hvem der står bag." in response.content.decode()
    response = sec_client.post(
        url,
        {
            "title": "Sommerfest",
            "description": "Stil borde op.",
            "organiser": "Grundejerforening",
            "starts_on": day,
            "ends_on": day,
        },
    )
    assert response.status_code == 302
    overview = sec_client.get(reverse("community:volunteering", args=[cast.council.slug])).content.decode()
    assert "Sommerfest" in overview


def test_members_read_the_overview_but_only_the_secretariat_writes(client, cast):
    log_in_verified(client, cast.users["medlem"])
    assert client.get(reverse("community:volunteering", args=[cast.council.slug])).status_code == 200
    assert client.get(reverse("community:volunteering_strategy", args=[cast.council.slug])).status_code == 403


def test_the_public_pages_do_not_query_per_opportunity_or_release(cast, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from raad.community.services import media

    from .vm_helpers import outlet, release

    council, secretary = cast.council, cast.secretary
    outlet(council, secretary)

    def add(n):
        for i in range(n):
            opportunity(council, secretary, title=f"Job {i}", contact_email=f"job{i}@frivillig.invalid")
            sent = release(council, secretary, title=f"Meddelelse {i}")
            media.press_release_approve(release=sent, by=cast.users["forperson"])
            media.press_release_send(release=sent, by=secretary)

    pages = [
        reverse("community:volunteering_public", args=[council.slug]),
        "/en" + reverse("community:volunteering_public", args=[council.slug]),
        reverse("community:press_public", args=[council.slug]),
    ]
    add(1)
    for url in pages:
        client.get(url)  # warm the caches the first request fills
    counts = []
    for url in pages:
        with CaptureQueriesContext(connection) as one:
            client.get(url)
        counts.append(len(one))
    add(4)
    for url, before in zip(pages, counts, strict=True):
        with CaptureQueriesContext(connection) as five:
            assert client.get(url).status_code == 200
        assert len(five) == before, url
