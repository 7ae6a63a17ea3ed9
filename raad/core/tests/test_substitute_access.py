"""A substitute's access follows the substitution in force: once their member has left, the closed papers,
the minutes and the statement drafts are closed to them (R19, R27)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from raad.meetings.models import Attachment
from raad.meetings.tests.factories import published_meeting
from raad.membership.services import member_resign
from raad.testing.cast import log_in_verified

pytestmark = pytest.mark.django_db


def _urls(cast):
    meeting, _open_item, closed_item = published_meeting(cast)
    slug = cast.council.slug
    attachment = Attachment.objects.get(item=closed_item)
    return [
        f"/arbejdsrum/{slug}/moeder/{meeting.pk}/bilag/{attachment.pk}/",
        f"/arbejdsrum/{slug}/moeder/{meeting.pk}/",
        f"/arbejdsrum/{slug}/moeder/{meeting.pk}/referat/",
        f"/arbejdsrum/{slug}/hoeringer/",
    ]


def test_a_substitution_in_force_gives_access(client, cast):
    urls = _urls(cast)
    log_in_verified(client, cast.users["stedfortraeder"])
    assert [client.get(url).status_code for url in urls] == [200, 200, 200, 200]


def test_the_substitute_of_a_member_who_left_is_refused(client, cast):
    urls = _urls(cast)
    member_resign(membership=cast.member, last_day=timezone.localdate() - datetime.timedelta(days=1), by=None)
    log_in_verified(client, cast.users["stedfortraeder"])
    assert [client.get(url).status_code for url in urls] == [403, 403, 403, 403]


def test_the_substitute_keeps_access_until_the_members_last_day(client, cast):
    urls = _urls(cast)
    member_resign(membership=cast.member, last_day=timezone.localdate(), by=None)
    log_in_verified(client, cast.users["stedfortraeder"])
    assert client.get(urls[0]).status_code == 200
