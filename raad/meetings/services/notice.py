"""Notice: writes of meetings (raad.meetings.services.notice)."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import audit, mail
from raad.core.errors import RuleViolation
from raad.core.links import absolute_url
from raad.core.models import User
from raad.councils.services import ensure_not_archived
from raad.meetings import notify, selectors
from raad.meetings.models import (
    AgendaItem,
    Meeting,
)
from raad.meetings.search import meeting_changed
from raad.meetings.services.publication import finding_kinds, publication_override
from raad.membership.selectors import substitutes_in_force


@transaction.atomic
def meeting_send_notice(
    *, meeting: Meeting, by: User | None, override_reason: str = "", now: datetime.datetime | None = None
) -> Meeting:
    """Send the agenda (indkaldelse): members get an e-mail after commit; the open items become public. If the
    personal-data check finds something in the open items, sending needs `override_reason` (R32)."""
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("council").get(pk=meeting.pk)
    ensure_not_archived(meeting.council)
    if meeting.status != Meeting.Status.PLANNED:
        raise RuleViolation(_("Indkaldelsen er allerede sendt, eller mødet er afholdt eller aflyst."))
    if not AgendaItem.objects.filter(meeting=meeting).exists():
        raise RuleViolation(_("Dagsordenen har ingen punkter."))
    findings = selectors.agenda_publication_check(meeting)
    reason = publication_override(findings=findings, override_reason=override_reason)
    now = now or timezone.now()
    meeting.status = Meeting.Status.NOTICE_SENT
    meeting.notice_sent_at = now
    meeting.notice_override_reason = reason
    meeting.save(update_fields=["status", "notice_sent_at", "notice_override_reason", "updated_at"])
    deadline = selectors.deadlines(meeting).notice_deadline
    changes = audit.changed(status=(Meeting.Status.PLANNED, meeting.status), after_deadline=(None, now > deadline))
    if findings:
        changes |= audit.changed(published_over_findings=("", finding_kinds(findings)), override_reason=("", reason))
    audit.record(
        actor=by,
        verb="meeting.notice_sent",
        target=meeting,
        council_id=meeting.council_id,
        changes=changes,
    )
    content = selectors.notice_content(meeting) if not mail.is_suppressed() else None
    notify.queue_to_members(
        meeting=meeting,
        key=f"notice:{meeting.pk}",
        template="notice",
        context=lambda membership: notify.notice_context(meeting, content, membership.person),
        attachments=lambda membership: notify.notice_invitation(meeting, content),
    )
    procedure = selectors.rules_for(meeting)
    if procedure.uses_substitutes and not procedure.substitutes_only_when_absent:
        # The rules let substitutes attend every meeting (without a vote): they are summoned too (R19).
        notify.queue_to_each(
            meeting=meeting,
            recipients=substitutes_in_force(meeting.council_id, selectors.local_date(meeting)),
            key=f"notice-substitute:{meeting.pk}",
            template="notice_substitute",
            context=lambda substitute: {
                "meeting": meeting,
                "person": substitute.person,
                "member": substitute.membership.person,
                "url": absolute_url(meeting),
            },
        )
    meeting_changed(meeting.pk)  # the open items become searchable (raad.core.search)
    return meeting
