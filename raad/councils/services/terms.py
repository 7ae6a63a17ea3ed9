"""Terms (valgperioder, R4): writes of councils (raad.councils.services.terms)."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raad.core import audit
from raad.core.errors import RuleViolation
from raad.core.models import User
from raad.core.redaction import mask_cpr
from raad.councils import rules
from raad.councils.models import Council, Term
from raad.councils.selectors import NoRulesInForce, rules_in_force

from .common import ensure_not_archived


@transaction.atomic
def term_create(
    *, council: Council, name: str, starts_on: datetime.date, ends_on: datetime.date, by: User | None
) -> Term:
    ensure_not_archived(council)
    violations = []
    if ends_on <= starts_on:
        violations.append(rules.Violation("ends_on", _("Valgperioden skal slutte efter, at den begynder.")))
    overlapping = Term.objects.filter(council=council, starts_on__lte=ends_on, ends_on__gte=starts_on).first()
    if overlapping:
        violations.append(
            rules.Violation("starts_on", _("Valgperioden overlapper %(term)s.") % {"term": overlapping.name})
        )
    if violations:
        raise RuleViolation(violations)
    term = Term.objects.create(council=council, name=mask_cpr(name), starts_on=starts_on, ends_on=ends_on)
    audit.record(
        actor=by,
        verb="term.created",
        target=term,
        council_id=council.pk,
        changes=audit.diff({}, audit.snapshot(term, ("name", "starts_on", "ends_on"))),
    )
    return term


@transaction.atomic
def term_open_next(*, council: Council, by: User | None, today: datetime.date | None = None) -> Term:
    """Open the council's next term (R4): it begins the day after the latest term ends (the first one on
    1 January after the latest municipal election) and lasts `term_years` of the rules of procedure in force
    on its first day."""
    ensure_not_archived(Council.objects.select_for_update().get(pk=council.pk))
    today = today or timezone.localdate()
    latest = Term.objects.filter(council=council).order_by("-starts_on").first()
    starts_on = latest.ends_on + datetime.timedelta(days=1) if latest else rules.election_period_start(today)
    try:
        procedure = rules_in_force(council, starts_on)
    except NoRulesInForce:
        procedure = rules_in_force(council, today)
    starts_on, ends_on = rules.term_dates(starts_on, procedure.term_years)
    return term_create(
        council=council, name=rules.term_name(starts_on, ends_on), starts_on=starts_on, ends_on=ends_on, by=by
    )
