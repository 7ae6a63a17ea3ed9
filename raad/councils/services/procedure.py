"""Rules of procedure: versions the board adopts and the R8 way to change them (proposal, council vote, board
adoption): writes of councils (raad.councils.services.procedure)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from raad.core import audit, translations
from raad.core.errors import RuleViolation
from raad.core.models import User
from raad.core.redaction import mask_cpr
from raad.core.text import clean_text
from raad.councils import rules
from raad.councils.models import BoardDecision, Council, RulesChange, RulesOfProcedure

from .common import ENGLISH, _save_english, ensure_not_archived
from .decisions import board_decision_record


def _setting_values(data: dict[str, Any]) -> dict[str, Any]:
    missing = [name for name in rules.SETTING_FIELDS if name not in data]
    if missing:
        raise RuleViolation(_("Forretningsordenen mangler værdier for: %(fields)s") % {"fields": ", ".join(missing)})
    return {name: data[name] for name in rules.SETTING_FIELDS}


@transaction.atomic
def rules_adopt_version(
    *,
    council: Council,
    settings: dict[str, Any],
    in_force_from: datetime.date,
    adopted_on: datetime.date,
    decision: BoardDecision,
    change_summary: str = "",
    change_summary_en: str = "",
    council_endorsed_on: datetime.date | None = None,
    to_be_confirmed: Sequence[str] = (),
    by: User | None,
) -> RulesOfProcedure:
    """Record a new version of the rules of procedure, adopted by the board. Old versions stay.

    `to_be_confirmed` names the settings whose values are a preset's examples, still to be confirmed."""
    values = _setting_values(settings)
    violations: list[Any] = list(rules.check_consistency(values))
    unknown = sorted(set(to_be_confirmed) - set(rules.SETTING_FIELDS))
    if unknown:
        violations.append(
            rules.Violation("to_be_confirmed", _("Ukendte indstillinger: %(fields)s") % {"fields": ", ".join(unknown)})
        )
    # Lock the council row so two secretaries cannot both create "the next" version.
    ensure_not_archived(Council.objects.select_for_update().get(pk=council.pk))
    latest = RulesOfProcedure.objects.filter(council=council).order_by("-in_force_from").first()
    if latest is not None and in_force_from <= latest.in_force_from:
        violations.append(
            rules.Violation(
                "in_force_from",
                _("En ny version skal gælde fra en dato efter den seneste version (%(date)s).")
                % {"date": date_format(latest.in_force_from, "j. F Y")},
            )
        )
    if adopted_on > in_force_from:
        violations.append(rules.Violation("adopted_on", _("Forretningsordenen kan ikke gælde, før den er vedtaget.")))
    if decision.municipality_id != council.municipality_id:
        violations.append(rules.Violation("decision", _("Beslutningen er truffet i en anden kommune.")))
    if violations:
        raise RuleViolation(violations)
    highest = (
        RulesOfProcedure.objects.filter(council=council).order_by("-version").values_list("version", flat=True).first()
    )
    number = (highest or 0) + 1
    version = RulesOfProcedure.objects.create(
        council=council,
        version=number,
        in_force_from=in_force_from,
        adopted_on=adopted_on,
        decision=decision,
        council_endorsed_on=council_endorsed_on,
        change_summary=mask_cpr(change_summary),
        to_be_confirmed=[name for name in rules.SETTING_FIELDS if name in set(to_be_confirmed)],
        **values,
    )
    _save_english(version, {"change_summary": change_summary_en}, by=by, council_id=council.pk, created=True)
    previous = audit.snapshot(latest, rules.SETTING_FIELDS) if latest else {}
    audit.record(
        actor=by,
        verb="rules_of_procedure.adopted",
        target=version,
        council_id=council.pk,
        changes={
            **audit.diff(previous, audit.snapshot(version, rules.SETTING_FIELDS)),
            "version": {"before": latest.version if latest else None, "after": number},
            "in_force_from": {"before": None, "after": in_force_from.isoformat()},
            "decision": {"before": None, "after": str(decision)},
            **({"to_be_confirmed": {"before": None, "after": version.to_be_confirmed}} if to_be_confirmed else {}),
        },
    )
    return version


@transaction.atomic
def rules_adopt_with_decision(
    *,
    council: Council,
    settings: dict[str, Any],
    in_force_from: datetime.date,
    adopted_on: datetime.date,
    decision_reference: str,
    decision_url: str = "",
    change_summary: str = "",
    change_summary_en: str = "",
    council_endorsed_on: datetime.date | None = None,
    by: User | None,
) -> RulesOfProcedure:
    """Record the board's decision and the new version it adopted, together or not at all."""
    decision = board_decision_record(
        municipality=council.municipality,
        decided_on=adopted_on,
        reference=decision_reference,
        title=_("Forretningsorden for %(council)s") % {"council": council.name},
        url=decision_url,
        by=by,
    )
    return rules_adopt_version(
        council=council,
        settings=settings,
        in_force_from=in_force_from,
        adopted_on=adopted_on,
        decision=decision,
        change_summary=change_summary,
        change_summary_en=change_summary_en,
        council_endorsed_on=council_endorsed_on,
        by=by,
    )


def _lock_change(change: RulesChange) -> RulesChange:
    change = RulesChange.objects.select_for_update().select_related("council").get(pk=change.pk)
    ensure_not_archived(change.council)
    return change


@transaction.atomic
def rules_change_propose(
    *,
    council: Council,
    settings: dict[str, Any],
    in_force_from: datetime.date,
    change_summary: str,
    change_summary_en: str = "",
    by: User | None,
    today: datetime.date | None = None,
) -> RulesChange:
    """The secretariat proposes a change of the rules of procedure (R8, first step). Nothing takes effect."""
    ensure_not_archived(council)
    values = _setting_values(settings)
    violations: list[Any] = list(rules.check_consistency(values))
    summary = clean_text(mask_cpr(change_summary))
    if not summary:
        violations.append(rules.Violation("change_summary", _("Skriv, hvad ændringen går ud på.")))
    today = today or timezone.localdate()
    if in_force_from <= today:
        violations.append(rules.Violation("in_force_from", _("Ændringen kan tidligst gælde fra i morgen.")))
    if violations:
        raise RuleViolation(violations)
    change = RulesChange.objects.create(
        council=council,
        proposed_settings=values,
        in_force_from=in_force_from,
        change_summary=summary,
        proposed_by=by if by is not None and by.pk else None,
        proposed_on=today,
    )
    _save_english(change, {"change_summary": change_summary_en}, by=by, council_id=council.pk, created=True)
    current = RulesOfProcedure.objects.filter(council=council).order_by("-in_force_from").first()
    before = audit.snapshot(current, rules.SETTING_FIELDS) if current else {}
    audit.record(
        actor=by,
        verb="rules_change.proposed",
        target=change,
        council_id=council.pk,
        changes={
            **audit.diff(before, values),
            "in_force_from": {"before": None, "after": in_force_from.isoformat()},
        },
    )
    return change


@transaction.atomic
def rules_change_council_vote(
    *,
    change: RulesChange,
    voted_on: datetime.date,
    votes_for: int,
    votes_against: int,
    votes_abstained: int = 0,
    meeting_reference: str = "",
    by: User | None,
) -> RulesChange:
    """The council's vote on a proposed change (R8, second step): a simple majority endorses it."""
    change = _lock_change(change)
    violations = []
    if change.status != RulesChange.Status.PROPOSED:
        violations.append(rules.Violation("", _("Rådet har allerede stemt om ændringen.")))
    if min(votes_for, votes_against, votes_abstained) < 0 or votes_for + votes_against + votes_abstained == 0:
        violations.append(rules.Violation("votes_for", _("Angiv stemmerne.")))
    if voted_on < change.proposed_on:
        violations.append(rules.Violation("voted_on", _("Rådet kan ikke stemme, før ændringen er foreslået.")))
    if violations:
        raise RuleViolation(violations)
    before = change.status
    change.status = (
        RulesChange.Status.COUNCIL_ADOPTED if votes_for > votes_against else RulesChange.Status.COUNCIL_REJECTED
    )
    change.council_voted_on = voted_on
    change.votes_for, change.votes_against, change.votes_abstained = votes_for, votes_against, votes_abstained
    change.meeting_reference = clean_text(meeting_reference)
    change.save(
        update_fields=[
            "status",
            "council_voted_on",
            "votes_for",
            "votes_against",
            "votes_abstained",
            "meeting_reference",
            "updated_at",
        ]
    )
    audit.record(
        actor=by,
        verb="rules_change.council_voted",
        target=change,
        council_id=change.council_id,
        changes=audit.changed(
            status=(before, change.status),
            votes=(None, f"{votes_for}-{votes_against}-{votes_abstained}"),
            voted_on=(None, voted_on.isoformat()),
            meeting_reference=(None, change.meeting_reference),
        ),
    )
    return change


@transaction.atomic
def rules_change_board_adopt(
    *,
    change: RulesChange,
    adopted_on: datetime.date,
    decision_reference: str,
    decision_url: str = "",
    by: User | None,
) -> RulesOfProcedure:
    """The board adopts a change the council endorsed (R8, last step): only now a new version exists, in
    force from the proposed date."""
    change = _lock_change(change)
    if change.status != RulesChange.Status.COUNCIL_ADOPTED:
        raise RuleViolation(
            _(
                "Kommunalbestyrelsen kan kun vedtage en ændring, som rådet har stemt for (integrationsloven § 42, stk. 6)."
            )
        )
    assert change.council_voted_on is not None
    if adopted_on < change.council_voted_on:
        raise RuleViolation(
            [rules.Violation("adopted_on", _("Kommunalbestyrelsen kan ikke vedtage ændringen før rådets afstemning."))]
        )
    version = rules_adopt_with_decision(
        council=change.council,
        settings=change.proposed_settings,
        in_force_from=change.in_force_from,
        adopted_on=adopted_on,
        decision_reference=decision_reference,
        decision_url=decision_url,
        change_summary=change.change_summary,
        change_summary_en=translations.translated(change, "change_summary", ENGLISH),
        council_endorsed_on=change.council_voted_on,
        by=by,
    )
    change.status = RulesChange.Status.BOARD_ADOPTED
    change.adopted_version = version
    change.save(update_fields=["status", "adopted_version", "updated_at"])
    audit.record(
        actor=by,
        verb="rules_change.board_adopted",
        target=change,
        council_id=change.council_id,
        changes=audit.changed(
            status=(RulesChange.Status.COUNCIL_ADOPTED, change.status),
            version=(None, version.version),
            decision=(None, str(version.decision)),
        ),
    )
    return version
