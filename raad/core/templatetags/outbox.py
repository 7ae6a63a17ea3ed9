"""`{% outbox_panel council %}`: the council's e-mails that wait for delivery or failed, for the desk."""

from __future__ import annotations

from django import template

from raad.core import mail

register = template.Library()

SHOWN = 20


@register.inclusion_tag("core/includes/outbox_panel.html")
def outbox_panel(council) -> dict:
    waiting = mail.waiting_for_council(council.pk)
    rows = list(waiting[:SHOWN])
    return {
        "count": waiting.count() if len(rows) == SHOWN else len(rows),
        "rows": [{"mail": row, "failed": mail.has_failed(row)} for row in rows],
        "shown": SHOWN,
    }
