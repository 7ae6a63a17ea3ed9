"""Board decisions: writes of councils (raad.councils.services.decisions)."""

from __future__ import annotations

import datetime

from django.db import transaction

from raad.core import audit
from raad.core.models import User
from raad.core.redaction import mask_cpr
from raad.councils.models import BoardDecision, Municipality


@transaction.atomic
def board_decision_record(
    *,
    municipality: Municipality,
    decided_on: datetime.date,
    reference: str,
    title: str,
    url: str = "",
    body: str = "Kommunalbestyrelsen",
    by: User | None,
) -> BoardDecision:
    decision = BoardDecision.objects.create(
        municipality=municipality,
        decided_on=decided_on,
        reference=mask_cpr(reference),
        title=mask_cpr(title),
        url=url,
        body=mask_cpr(body),
    )
    audit.record(
        actor=by,
        verb="board_decision.recorded",
        target=decision,
        changes=audit.diff({}, audit.snapshot(decision, ("body", "decided_on", "reference", "title", "url"))),
    )
    return decision
