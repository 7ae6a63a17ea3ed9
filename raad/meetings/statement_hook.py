"""The meetings side of the seam in raad/statements/hooks.py: put a statement on a meeting's agenda.

`statement_agenda_hook(*, statement, purpose, by)` (registered in MeetingsConfig.ready() when the statements
app is installed) adds an item and returns "Møde 10.12.2026, pkt. 5", or None when no meeting fits:

- for decision: the council's next meeting whose agenda is still open (planned, notice not sent) and, for a
  consultation response, that is held no later than the consultation deadline;
- urgent report (R24): the first meeting after the day the statement was adopted, if its agenda is still
  open. If that meeting is already convened or held, nothing is added: the statements desk keeps showing
  that the report is due.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone, translation

from raad.meetings import services
from raad.meetings.models import AgendaItem, Meeting

FOR_DECISION = "for_decision"
URGENT_REPORT = "urgent_report"


def _suitable_meeting(statement: Any, purpose: str) -> Meeting | None:
    meetings = Meeting.objects.filter(council_id=statement.council_id).exclude(status=Meeting.Status.CANCELLED)
    if purpose == URGENT_REPORT:
        adopted_on = getattr(statement, "adopted_on", None) or timezone.localdate()
        first = meetings.filter(starts_at__date__gt=adopted_on).order_by("starts_at").first()
        if first is None or first.status != Meeting.Status.PLANNED or first.starts_at <= timezone.now():
            return None
        return first
    candidates = meetings.filter(status=Meeting.Status.PLANNED, starts_at__gt=timezone.now())
    consultation = getattr(statement, "consultation", None)
    if consultation is not None:
        candidates = candidates.filter(starts_at__date__lte=consultation.deadline)
    return candidates.order_by("starts_at").first()


def statement_agenda_hook(*, statement: Any, purpose: str, by: Any) -> str | None:
    meeting = _suitable_meeting(statement, purpose)
    if meeting is None:
        return None
    with translation.override("da"):
        if purpose == URGENT_REPORT:
            kind, title = AgendaItem.Kind.INFORMATION, f"Orientering om hastebesvarelse: {statement.title}"
            text = (
                "<p>Forpersonen og næstforpersonen har afgivet udtalelsen på rådets vegne efter reglen om "
                "hastesager. Den forelægges rådet til orientering.</p>"
            )
            proposal = "Rådet tager orienteringen til efterretning."
        else:
            kind, title = AgendaItem.Kind.DECISION, statement.title
            text = "<p>Udkast til udtalelse. Teksten findes i arbejdsrummet under høringssvar og udtalelser.</p>"
            proposal = "Rådet vedtager udtalelsen."
        purposes = [statement.purpose] if getattr(statement, "purpose", None) is not None else []
        item = services.item_add(
            meeting=meeting,
            kind=kind,
            title=title,
            case_presentation=text,
            proposed_decision=proposal,
            purposes=purposes,
            by=by if getattr(by, "pk", None) else None,
        )
        return f"Møde {timezone.localtime(meeting.starts_at):%d.%m.%Y}, pkt. {item.position}"
