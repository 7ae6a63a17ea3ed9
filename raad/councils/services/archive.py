"""Archiving a dissolved council (R1): writes of councils (raad.councils.services.archive)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import audit
from raad.core.errors import RuleViolation
from raad.core.models import User
from raad.councils import rules
from raad.councils.models import BoardDecision, Council


@transaction.atomic
def council_archive(*, council: Council, decision: BoardDecision, by: User | None) -> Council:
    """Archive a council the board has dissolved (R1): from now on read-only for everyone, the secretariat
    too; its public pages stay."""
    council = Council.objects.select_for_update().get(pk=council.pk)
    if council.archived_at is not None:
        raise RuleViolation(rules.archived_message(timezone.localdate(council.archived_at)))
    if decision.municipality_id != council.municipality_id:
        raise RuleViolation([rules.Violation("decision", _("Beslutningen er truffet i en anden kommune."))])
    council.archived_at = timezone.now()
    council.save(update_fields=["archived_at", "updated_at"])
    audit.record(
        actor=by,
        verb="council.archived",
        target=council,
        council_id=council.pk,
        changes=audit.changed(archived_at=(None, council.archived_at.isoformat()), decision=(None, str(decision))),
    )
    return council
