"""The meetings side of the seam in raad/statements/hooks.py: put a statement on the next meeting's agenda.

`statement_agenda_hook(*, statement, purpose, by)` adds an item to the council's next meeting whose agenda is
still open (planned, notice not sent) and returns "Møde 10.12.2026, pkt. 5", or None when there is none.
It is not registered automatically yet (see the report of issue 4): register it with
`raad.statements.hooks.register_agenda_hook(statement_agenda_hook)`.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone, translation

from raad.meetings import services
from raad.meetings.models import AgendaItem, Meeting

FOR_DECISION = "for_decision"
URGENT_REPORT = "urgent_report"


def next_open_meeting(council_id: int) -> Meeting | None:
    return (
        Meeting.objects.filter(council_id=council_id, status=Meeting.Status.PLANNED, starts_at__gt=timezone.now())
        .order_by("starts_at")
        .first()
    )


def statement_agenda_hook(*, statement: Any, purpose: str, by: Any) -> str | None:
    meeting = next_open_meeting(statement.council_id)
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
