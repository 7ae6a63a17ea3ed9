"""The seam to the meetings app, which is built separately.

Issue 5 asks that a consultation goes on a meeting's agenda "with one click", and that an urgent answer is
reported at the next meeting (R24). Statements must not import meetings, so the meetings app registers a
function here in its AppConfig.ready():

    from raad.statements import hooks
    hooks.register_agenda_hook(my_function)

`my_function(*, statement, purpose, by)` puts an item on the next suitable meeting's agenda and returns a
short description of it (e.g. "Møde 12.03.2026, pkt. 4"), or None when there is no such meeting.
`purpose` is `FOR_DECISION` (the council is to adopt the statement) or `URGENT_REPORT` (R24).
Until a hook is registered, the services record `report_at_next_meeting` / `planned_route` and the desk
shows it, and the meeting route is recorded with a decision reference text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

FOR_DECISION = "for_decision"
URGENT_REPORT = "urgent_report"

AgendaHook = Callable[..., str | None]
_agenda_hooks: list[AgendaHook] = []


def register_agenda_hook(hook: AgendaHook) -> None:
    if hook not in _agenda_hooks:
        _agenda_hooks.append(hook)


def unregister_agenda_hook(hook: AgendaHook) -> None:
    if hook in _agenda_hooks:
        _agenda_hooks.remove(hook)


def has_agenda_hook() -> bool:
    return bool(_agenda_hooks)


def put_on_agenda(*, statement: Any, purpose: str, by: Any) -> str | None:
    """Ask the meetings app (if installed) to add an agenda item. Returns its description or None."""
    for hook in _agenda_hooks:
        result = hook(statement=statement, purpose=purpose, by=by)
        if result:
            return result
    return None
