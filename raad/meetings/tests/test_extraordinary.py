"""Meetings services, extraordinary meetings: members' requests, the threshold, the mails."""

import pytest
from django.core import mail

from raad.core.errors import RuleViolation
from raad.meetings import services
from raad.meetings.models import Meeting
from raad.testing import assert_unchanged

from .conftest import at

pytestmark = pytest.mark.django_db(transaction=False)


def test_extraordinary_request_reaches_threshold_and_tasks_chair_and_secretariat(
    cast, django_capture_on_commit_callbacks
):
    # 10 members, 1/3 → 4 supporters needed.
    with django_capture_on_commit_callbacks(execute=True):
        request = services.extraordinary_request_create(
            council=cast.council,
            membership=cast.members[3],
            reasons="Kommunen lukker sprogcentrets aftenhold.",
            by=None,
        )
        assert request.threshold == 4
        for m in cast.members[4:6]:
            services.extraordinary_request_support(request=request, membership=m, by=None)
        services.extraordinary_request_support(request=request, membership=cast.members[4], by=None)  # twice: once
        request.refresh_from_db()
        assert request.threshold_reached_at is None and mail.outbox == []
        services.extraordinary_request_support(request=request, membership=cast.members[6], by=None)
    request.refresh_from_db()
    assert request.threshold_reached_at is not None
    assert sorted(m.to[0] for m in mail.outbox) == [
        "amina@test.invalid",
        "lars@test.invalid",
        "sekretariat@test.invalid",
    ]
    assert "4 medlemmer støtter" in mail.outbox[0].body
    meeting = services.meeting_plan(
        council=cast.council,
        starts_at=at(2026, 12, 17),
        place="R",
        kind=Meeting.Kind.EXTRAORDINARY,
        reason=request.reasons,
        extraordinary_request=request,
        by=cast.secretary,
    )
    request.refresh_from_db()
    assert request.meeting == meeting
    with assert_unchanged(), pytest.raises(RuleViolation, match="allerede indkaldt"):
        services.extraordinary_request_support(request=request, membership=cast.members[7], by=None)
