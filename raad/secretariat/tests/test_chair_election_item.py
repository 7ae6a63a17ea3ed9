"""A vacant forperson post (R25): from the desk's panel the secretariat puts "Valg af forperson" on the agenda of
the next planned meeting with one POST (no JavaScript); refused, with the reason, when no meeting is planned or
the item is already there."""

import datetime

import pytest
from django.utils import timezone

from raad.core.models import AuditEntry
from raad.meetings import services as meetings
from raad.meetings.models import AgendaItem
from raad.membership import services
from raad.testing import assert_unchanged
from raad.testing.cast import log_in_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def vacant(cast):
    services.member_resign(membership=cast.chair, last_day=timezone.localdate() - datetime.timedelta(days=1), by=None)
    return cast


def plan(cast, days):
    return meetings.meeting_plan(
        council=cast.council,
        starts_at=timezone.now() + datetime.timedelta(days=days),
        place="Holbæk Rådhus",
        address="",
        by=cast.secretary,
    )


def action(cast):
    return f"/arbejdsrum/{cast.council.slug}/valg-af-forperson/"


def test_the_panel_puts_the_election_on_the_next_planned_meeting(client, vacant):
    cast = vacant
    later, sooner = plan(cast, 40), plan(cast, 20)
    log_in_verified(client, cast.secretary)
    desk = client.get(f"/arbejdsrum/{cast.council.slug}/").content.decode()
    assert f'<form method="post" action="{action(cast)}">' in desk
    response = client.post(action(cast), follow=True)
    assert response.redirect_chain[-1][0] == sooner.get_absolute_url()
    assert "Valg af forperson er sat på dagsordenen for mødet" in response.content.decode()
    item = AgendaItem.objects.get(meeting=sooner)
    assert (item.title, item.kind) == ("Valg af forperson", AgendaItem.Kind.DECISION)
    assert not AgendaItem.objects.filter(meeting=later).exists()
    entry = AuditEntry.objects.get(verb="agenda_item.added")
    assert (entry.actor, entry.council_id) == (cast.secretary, cast.council.pk)


def test_refused_when_no_meeting_is_planned(client, vacant):
    cast = vacant
    log_in_verified(client, cast.secretary)
    with assert_unchanged():
        response = client.post(action(cast))
    assert response.status_code == 400
    assert "Der er intet planlagt møde at sætte valget af forperson på. Planlæg mødet først (R25)." in (
        response.content.decode()
    )


def test_refused_when_the_item_is_already_on_the_agenda(client, vacant):
    cast = vacant
    plan(cast, 20)
    log_in_verified(client, cast.secretary)
    client.post(action(cast))
    with assert_unchanged():
        response = client.post(action(cast))
    assert response.status_code == 400
    assert "Valget af forperson står allerede på dagsordenen for mødet" in response.content.decode()
    assert AgendaItem.objects.count() == 1


def test_only_the_secretariat_may(client, vacant):
    cast = vacant
    plan(cast, 20)
    client.force_login(cast.users["medlem"])
    with assert_unchanged():
        assert client.post(action(cast)).status_code == 403
