"""Meetings services, attendance: apologies invite the substitute; who counts toward quorum."""

import pytest
from django.core import mail

from raad.meetings import selectors, services
from raad.meetings.models import Attendance

pytestmark = pytest.mark.django_db(transaction=False)


def test_apology_invites_the_personal_substitute(meeting, cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        attendance = services.apology_send(meeting=meeting, membership=cast.member, by=None)
        services.apology_send(meeting=meeting, membership=cast.member, by=None)  # twice: still one e-mail
    assert attendance.status == Attendance.Status.APOLOGY
    assert str(attendance.substitute.person) == "Sara Lindholm"
    assert [m.to for m in mail.outbox] == [["sara@test.invalid"]]
    assert "Ahmad Rahimi har meldt afbud" in mail.outbox[0].body


def test_substitute_counts_toward_quorum_only_in_place_of_an_absent_member(meeting, cast):
    services.item_add(meeting=meeting, title="Punkt", by=cast.secretary)
    services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    services.apology_send(meeting=meeting, membership=cast.member, by=None)
    # 4 members present + substitute for the member = 5 of 10: quorate (half).
    services.attendance_register(
        meeting=meeting,
        present=[m.pk for m in cast.members[3:7]],
        substitutes_present=[cast.member.pk],
        by=cast.secretary,
    )
    q = selectors.quorum_for(meeting)
    assert (q.present, q.required, q.quorate) == (5, 5, True)
    # A present member's substitute does not count as well.
    services.attendance_register(
        meeting=meeting,
        present=[m.pk for m in cast.members[2:6]],
        substitutes_present=[cast.member.pk],
        by=cast.secretary,
    )
    assert selectors.quorum_for(meeting).present == 4
