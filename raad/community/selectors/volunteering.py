"""Reads of volunteering: the workspace overview and the public page. An opportunity is public from its start
until its end date (inclusive): the filter is here, so it is gone from every public output the day after."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from raad.community.models import (
    Association,
    Event,
    VolunteeringContribution,
    VolunteeringGoal,
    VolunteeringStrategy,
    VolunteerOpportunity,
)
from raad.core import translations
from raad.councils.models import Council, Purpose
from raad.dialogue.models import DialogueEntry
from raad.statements.models import Statement


def strategy_of(council: Council) -> VolunteeringStrategy | None:
    return VolunteeringStrategy.objects.filter(council=council).first()


def goals(council: Council) -> QuerySet[VolunteeringGoal]:
    return VolunteeringGoal.objects.filter(strategy__council=council).order_by("number")


def goal(council: Council, pk: int) -> VolunteeringGoal:
    return goals(council).select_related("strategy").get(pk=pk)


def contributions(council: Council) -> QuerySet[VolunteeringContribution]:
    return (
        VolunteeringContribution.objects.filter(council=council)
        .select_related("goal", "event", "statement", "dialogue_entry")
        .prefetch_related(Prefetch("purposes", queryset=Purpose.objects.order_by("number")))
        .order_by("-done_on", "-id")
    )


def contribution(council: Council, pk: int) -> VolunteeringContribution:
    return contributions(council).get(pk=pk)


def opportunities(council: Council) -> QuerySet[VolunteerOpportunity]:
    """Every opportunity of the council, current and past (the workspace)."""
    return VolunteerOpportunity.objects.filter(council=council).select_related("association").order_by("-ends_on", "id")


def opportunity(council: Council, pk: int) -> VolunteerOpportunity:
    return opportunities(council).get(pk=pk)


@dataclass
class VolunteeringScreen:
    strategy: VolunteeringStrategy | None
    goals: list[VolunteeringGoal]
    contributions: list[VolunteeringContribution]
    current: list[VolunteerOpportunity]
    ended: list[VolunteerOpportunity]


def volunteering_screen(council: Council, today: datetime.date | None = None) -> VolunteeringScreen:
    today = today or timezone.localdate()
    every = list(opportunities(council))
    return VolunteeringScreen(
        strategy=strategy_of(council),
        goals=list(goals(council)),
        contributions=list(contributions(council)),
        current=[o for o in every if o.ends_on >= today],
        ended=[o for o in every if o.ends_on < today],
    )


# Choices for the forms


def council_events(council: Council) -> QuerySet[Event]:
    return Event.objects.filter(council=council).order_by("-starts_at")


def council_statements(council: Council) -> QuerySet[Statement]:
    return Statement.objects.filter(council=council).order_by("-id")


def council_dialogue(council: Council) -> QuerySet[DialogueEntry]:
    return DialogueEntry.objects.filter(council=council).order_by("-held_on", "-id")


def council_associations(council: Council) -> QuerySet[Association]:
    return Association.objects.filter(council=council).order_by("name")


# --- Public ------------------------------------------------------------------------------------------------


def public_opportunities(council: Council, today: datetime.date | None = None) -> list[VolunteerOpportunity]:
    """Opportunities shown today: started, not ended (the end date is the last day shown), soonest end first,
    with their texts in the active language (2 queries, 3 in another language)."""
    today = today or timezone.localdate()
    found = list(
        VolunteerOpportunity.objects.filter(council=council, starts_on__lte=today, ends_on__gte=today)
        .select_related("association")
        .order_by("ends_on", "id")
    )
    if translations.active_language() != "da":
        translations.prefetch(found)
    return found


@dataclass
class PublicVolunteering:
    strategy: VolunteeringStrategy | None
    goals: list[VolunteeringGoal] = field(default_factory=list)
    opportunities: list[VolunteerOpportunity] = field(default_factory=list)


def public_volunteering(council: Council, today: datetime.date | None = None) -> PublicVolunteering:
    """What the public page shows: the strategy and its goals (public municipal policy) and today's
    opportunities. Never the contributions' internal links, never an opportunity's internal note."""
    return PublicVolunteering(
        strategy=strategy_of(council),
        goals=list(goals(council)),
        opportunities=public_opportunities(council, today),
    )


def contributions_for_year(council: Council, year: int) -> list[tuple[str, str, int]]:
    """The year's volunteering contributions per kind, every kind (zero included) in the model's order:
    (value, label, count), for the annual report (1 query)."""
    counts = dict(
        VolunteeringContribution.objects.filter(council=council, done_on__year=year)
        .values_list("kind")
        .annotate(n=Count("id"))
        .values_list("kind", "n")
    )
    return [(value, str(label), counts.get(value, 0)) for value, label in VolunteeringContribution.Kind.choices]
