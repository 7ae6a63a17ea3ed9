"""Volunteering (frivillighed): writes (raad.community.services.volunteering).

The secretariat records the municipality's volunteering strategy and its goals, the council's contributions to
them, and the volunteer opportunities associations offer. Free text is cleaned and CPR numbers masked (R30)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from raad.community.models import (
    Association,
    Event,
    VolunteeringContribution,
    VolunteeringGoal,
    VolunteeringStrategy,
    VolunteerOpportunity,
)
from raad.core import audit
from raad.core.errors import RuleViolation
from raad.core.models import User
from raad.core.services import fields_update
from raad.core.text import clean_text
from raad.councils.models import Council, Purpose
from raad.councils.rules import Violation, purpose_of_other_council
from raad.councils.selectors import purposes_outside
from raad.councils.services import ensure_not_archived
from raad.dialogue.models import DialogueEntry
from raad.statements.models import Statement

from .common import recorded_by

STRATEGY_FIELDS = ("title", "adopted_on", "link", "summary")
GOAL_FIELDS = ("number", "title", "description")
CONTRIBUTION_FIELDS = ("goal", "what", "done_on", "kind", "event", "statement", "dialogue_entry")
OPPORTUNITY_FIELDS = (
    "association",
    "organiser",
    "title",
    "description",
    "place",
    "languages",
    "contact_email",
    "starts_on",
    "ends_on",
    "internal_note",
)


# --- The strategy and its goals --------------------------------------------------------------------------


@transaction.atomic
def strategy_save(
    *,
    council: Council,
    title: str,
    adopted_on: datetime.date | None = None,
    link: str = "",
    summary: str = "",
    by: User | None,
) -> VolunteeringStrategy:
    """Record the municipality's volunteering strategy, or change what is recorded (one per council)."""
    ensure_not_archived(council)
    data = {"title": clean_text(title), "adopted_on": adopted_on, "link": link or "", "summary": clean_text(summary)}
    if not data["title"]:
        raise RuleViolation([Violation("title", _("Skriv strategiens titel."))])
    strategy = VolunteeringStrategy.objects.select_for_update().filter(council=council).first()
    if strategy is None:
        strategy = VolunteeringStrategy.objects.create(council=council, **data)
        audit.record(
            actor=by,
            verb="volunteering_strategy.recorded",
            target=strategy,
            council_id=council.pk,
            changes=audit.created(**audit.snapshot(strategy, STRATEGY_FIELDS)),
        )
        return strategy
    return fields_update(
        instance=strategy,
        fields=STRATEGY_FIELDS,
        data=data,
        verb="volunteering_strategy.updated",
        by=by,
        council_id=council.pk,
    )


def _goal_data(strategy: VolunteeringStrategy, number: int | None, title: str, description: str, pk=None) -> dict:
    data = {"number": number, "title": clean_text(title), "description": clean_text(description)}
    violations = []
    if not number or number < 1:
        violations.append(Violation("number", _("Angiv målets nummer (1 eller højere).")))
    elif VolunteeringGoal.objects.filter(strategy=strategy, number=number).exclude(pk=pk).exists():
        violations.append(Violation("number", _("Strategien har allerede et mål med dette nummer.")))
    if not data["title"]:
        violations.append(Violation("title", _("Skriv målet.")))
    if violations:
        raise RuleViolation(violations)
    return data


@transaction.atomic
def goal_add(
    *, strategy: VolunteeringStrategy, number: int | None, title: str, description: str = "", by: User | None
) -> VolunteeringGoal:
    ensure_not_archived(strategy.council_id)
    data = _goal_data(strategy, number, title, description)
    goal = VolunteeringGoal.objects.create(strategy=strategy, **data)
    audit.record(
        actor=by,
        verb="volunteering_goal.added",
        target=goal,
        council_id=strategy.council_id,
        changes=audit.created(**audit.snapshot(goal, GOAL_FIELDS)),
    )
    return goal


@transaction.atomic
def goal_update(
    *, goal: VolunteeringGoal, number: int | None, title: str, description: str = "", by: User | None
) -> VolunteeringGoal:
    goal = VolunteeringGoal.objects.select_for_update().select_related("strategy").get(pk=goal.pk)
    ensure_not_archived(goal.strategy.council_id)
    data = _goal_data(goal.strategy, number, title, description, pk=goal.pk)
    return fields_update(
        instance=goal,
        fields=GOAL_FIELDS,
        data=data,
        verb="volunteering_goal.updated",
        by=by,
        council_id=goal.strategy.council_id,
    )


# --- Contributions -----------------------------------------------------------------------------------------


def _contribution_data(
    council: Council,
    *,
    goal: VolunteeringGoal | None,
    what: str,
    done_on: datetime.date | None,
    kind: str,
    event: Event | None,
    statement: Statement | None,
    dialogue_entry: DialogueEntry | None,
    purposes: Iterable[Purpose],
) -> tuple[dict, list[Purpose]]:
    data = {
        "goal": goal,
        "what": clean_text(what),
        "done_on": done_on,
        "kind": kind,
        "event": event,
        "statement": statement,
        "dialogue_entry": dialogue_entry,
    }
    violations = []
    if goal is None or goal.strategy.council_id != council.pk:
        violations.append(Violation("goal", _("Vælg et mål i rådets frivillighedsstrategi.")))
    if not data["what"]:
        violations.append(Violation("what", _("Skriv, hvad rådet gjorde.")))
    if done_on is None:
        violations.append(Violation("done_on", _("Angiv datoen.")))
    if kind not in VolunteeringContribution.Kind.values:
        violations.append(Violation("kind", _("Vælg, hvilken slags bidrag det er.")))
    for name, linked in (("event", event), ("statement", statement), ("dialogue_entry", dialogue_entry)):
        if linked is not None and linked.council_id != council.pk:
            violations.append(Violation(name, _("Det valgte hører til et andet råd.")))
    purposes = list(purposes)
    if purposes_outside(council.pk, purposes):
        violations.append(purpose_of_other_council())
    if violations:
        raise RuleViolation(violations)
    return data, purposes


def _contribution_snapshot(contribution: VolunteeringContribution, purposes: list[Purpose]) -> dict:
    snap = audit.snapshot(contribution, ("what", "done_on", "kind"))
    snap.update(
        goal=contribution.goal.number,
        event=contribution.event_id,
        statement=contribution.statement_id,
        dialogue_entry=contribution.dialogue_entry_id,
        purposes=[p.number for p in purposes],
    )
    return snap


@transaction.atomic
def contribution_record(
    *,
    council: Council,
    goal: VolunteeringGoal | None,
    what: str,
    done_on: datetime.date | None,
    kind: str,
    event: Event | None = None,
    statement: Statement | None = None,
    dialogue_entry: DialogueEntry | None = None,
    purposes: Iterable[Purpose] = (),
    by: User | None,
) -> VolunteeringContribution:
    """Record what the council did towards a goal of the strategy, with the event, statement or dialogue it
    was, and the purposes of the kommissorium it served."""
    ensure_not_archived(council)
    data, purposes = _contribution_data(
        council,
        goal=goal,
        what=what,
        done_on=done_on,
        kind=kind,
        event=event,
        statement=statement,
        dialogue_entry=dialogue_entry,
        purposes=purposes,
    )
    contribution = VolunteeringContribution.objects.create(council=council, recorded_by=recorded_by(by), **data)
    contribution.purposes.set(purposes)
    audit.record(
        actor=by,
        verb="volunteering_contribution.recorded",
        target=contribution,
        council_id=council.pk,
        changes=audit.created(**_contribution_snapshot(contribution, purposes)),
    )
    return contribution


@transaction.atomic
def contribution_update(
    *,
    contribution: VolunteeringContribution,
    goal: VolunteeringGoal | None,
    what: str,
    done_on: datetime.date | None,
    kind: str,
    event: Event | None = None,
    statement: Statement | None = None,
    dialogue_entry: DialogueEntry | None = None,
    purposes: Iterable[Purpose] = (),
    by: User | None,
) -> VolunteeringContribution:
    contribution = (
        VolunteeringContribution.objects.select_for_update(of=("self",))
        .select_related("council", "goal")
        .get(pk=contribution.pk)
    )
    ensure_not_archived(contribution.council)
    before = _contribution_snapshot(contribution, list(contribution.purposes.all()))
    data, purposes = _contribution_data(
        contribution.council,
        goal=goal,
        what=what,
        done_on=done_on,
        kind=kind,
        event=event,
        statement=statement,
        dialogue_entry=dialogue_entry,
        purposes=purposes,
    )
    for name, value in data.items():
        setattr(contribution, name, value)
    contribution.save()
    contribution.purposes.set(purposes)
    changes = audit.diff(before, _contribution_snapshot(contribution, purposes))
    if changes:
        audit.record(
            actor=by,
            verb="volunteering_contribution.updated",
            target=contribution,
            council_id=contribution.council_id,
            changes=changes,
        )
    return contribution


# --- Volunteer opportunities -------------------------------------------------------------------------------


def _opportunity_data(
    council: Council,
    *,
    association: Association | None,
    organiser: str,
    title: str,
    description: str,
    place: str,
    languages: Iterable[str],
    contact_email: str,
    starts_on: datetime.date | None,
    ends_on: datetime.date | None,
    internal_note: str,
) -> dict:
    data = {
        "association": association,
        "organiser": "" if association is not None else clean_text(organiser),
        "title": clean_text(title),
        "description": clean_text(description),
        "place": clean_text(place),
        "languages": [code for code in languages if code],
        "contact_email": (contact_email or "").strip(),
        "starts_on": starts_on,
        "ends_on": ends_on,
        "internal_note": clean_text(internal_note),
    }
    violations = []
    if association is not None and association.council_id != council.pk:
        violations.append(Violation("association", _("Foreningen hører til et andet råd.")))
    if association is None and not data["organiser"]:
        violations.append(Violation("organiser", _("Vælg en forening, eller skriv, hvem der står bag.")))
    if not data["title"]:
        violations.append(Violation("title", _("Skriv en titel.")))
    if not data["description"]:
        violations.append(Violation("description", _("Beskriv, hvad de frivillige skal lave.")))
    if starts_on is None:
        violations.append(Violation("starts_on", _("Angiv, hvornår jobbet vises fra.")))
    if ends_on is None:
        violations.append(Violation("ends_on", _("Angiv slutdatoen.")))
    elif starts_on is not None and ends_on < starts_on:
        violations.append(Violation("ends_on", _("Slutdatoen kan ikke ligge før startdatoen.")))
    if violations:
        raise RuleViolation(violations)
    return data


def _opportunity_snapshot(opportunity: VolunteerOpportunity) -> dict:
    snap = audit.snapshot(opportunity, [f for f in OPPORTUNITY_FIELDS if f != "association"])
    snap["association"] = opportunity.association_id
    return snap


@transaction.atomic
def opportunity_create(
    *,
    council: Council,
    title: str,
    description: str,
    starts_on: datetime.date | None,
    ends_on: datetime.date | None,
    association: Association | None = None,
    organiser: str = "",
    place: str = "",
    languages: Iterable[str] = (),
    contact_email: str = "",
    internal_note: str = "",
    by: User | None,
) -> VolunteerOpportunity:
    """Record a volunteer opportunity. It is public from `starts_on` until `ends_on`, then gone from every public
    output (the selectors filter on the day; no job takes it down)."""
    ensure_not_archived(council)
    data = _opportunity_data(
        council,
        association=association,
        organiser=organiser,
        title=title,
        description=description,
        place=place,
        languages=languages,
        contact_email=contact_email,
        starts_on=starts_on,
        ends_on=ends_on,
        internal_note=internal_note,
    )
    opportunity = VolunteerOpportunity.objects.create(council=council, created_by=recorded_by(by), **data)
    audit.record(
        actor=by,
        verb="volunteer_opportunity.created",
        target=opportunity,
        council_id=council.pk,
        changes=audit.created(**_opportunity_snapshot(opportunity)),
    )
    return opportunity


@transaction.atomic
def opportunity_update(
    *,
    opportunity: VolunteerOpportunity,
    title: str,
    description: str,
    starts_on: datetime.date | None,
    ends_on: datetime.date | None,
    association: Association | None = None,
    organiser: str = "",
    place: str = "",
    languages: Iterable[str] = (),
    contact_email: str = "",
    internal_note: str = "",
    by: User | None,
) -> VolunteerOpportunity:
    opportunity = (
        VolunteerOpportunity.objects.select_for_update(of=("self",)).select_related("council").get(pk=opportunity.pk)
    )
    ensure_not_archived(opportunity.council)
    data = _opportunity_data(
        opportunity.council,
        association=association,
        organiser=organiser,
        title=title,
        description=description,
        place=place,
        languages=languages,
        contact_email=contact_email,
        starts_on=starts_on,
        ends_on=ends_on,
        internal_note=internal_note,
    )
    before = _opportunity_snapshot(opportunity)
    for name, value in data.items():
        setattr(opportunity, name, value)
    opportunity.save()
    changes = audit.diff(before, _opportunity_snapshot(opportunity))
    if changes:
        audit.record(
            actor=by,
            verb="volunteer_opportunity.updated",
            target=opportunity,
            council_id=opportunity.council_id,
            changes=changes,
        )
    return opportunity
