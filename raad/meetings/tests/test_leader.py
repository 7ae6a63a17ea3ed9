"""A member elected to lead the meeting (chair and vice-chair both absent) may run it, and only that meeting (R18)."""

import pytest
from django.urls import reverse

from raad.meetings import services
from raad.meetings.tests.conftest import all_present, at

pytestmark = pytest.mark.django_db


def test_elected_leader_runs_the_meeting_screen(client, cast, meeting):
    services.item_add(meeting=meeting, title="Sprogskolens tilbud", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    all_present(meeting, cast, except_=(0, 1))  # forperson and næstforperson have sent apologies
    screen = reverse("meetings:screen", args=[cast.council.slug, meeting.pk])
    client.force_login(cast.users["medlem"])
    assert client.get(screen).status_code == 403

    services.meeting_set_leader(meeting=meeting, membership=cast.member, by=cast.secretary)
    assert client.get(screen).status_code == 200

    other = services.meeting_plan(
        council=cast.council, starts_at=at(2027, 1, 14), place="Holbæk Rådhus", address="", by=cast.secretary
    )
    assert client.get(reverse("meetings:screen", args=[cast.council.slug, other.pk])).status_code == 403
