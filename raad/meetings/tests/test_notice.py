"""Meetings services, notice: every member mailed once, after commit."""

import pytest
from django.core import mail

from raad.core.errors import RuleViolation
from raad.core.models import OutgoingMail
from raad.meetings import services
from raad.testing import assert_unchanged

pytestmark = pytest.mark.django_db(transaction=False)


def test_notice_mails_every_member_after_commit_once(meeting, cast, django_capture_on_commit_callbacks):
    services.item_add(meeting=meeting, title="Dagsorden", by=cast.secretary)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    assert len(mail.outbox) == 10
    assert len({m.to[0] for m in mail.outbox}) == 10
    assert mail.outbox[0].subject.startswith("Dagsorden: Integrationsrådet")
    with assert_unchanged(), pytest.raises(RuleViolation):
        services.meeting_send_notice(meeting=meeting, by=cast.secretary)
    assert OutgoingMail.objects.filter(sent_at__isnull=False).count() == 10
