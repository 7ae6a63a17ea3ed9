"""Reads of the dialogue log: the workspace list with its filters, and the year's figures for the annual
report (`dialogue_log_for_year`)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.db.models.functions import ExtractYear

from raad.councils.models import Council
from raad.dialogue.models import DialogueEntry, Topic
from raad.membership.models import Person


def dialogue_entries(
    council: Council, *, year: int | None = None, counterpart: str | None = None
) -> QuerySet[DialogueEntry]:
    """The council's log, newest first, with participants and topics (3 queries when listed)."""
    qs = (
        DialogueEntry.objects.filter(council=council)
        .prefetch_related(
            Prefetch("participants", queryset=Person.objects.order_by("first_name", "last_name")),
            Prefetch("topics", queryset=Topic.objects.order_by("number")),
        )
        .order_by("-held_on", "-id")
    )
    if year:
        qs = qs.filter(held_on__year=year)
    if counterpart:
        qs = qs.filter(counterpart=counterpart)
    return qs


def dialogue_entry(council: Council, pk: int) -> DialogueEntry:
    return dialogue_entries(council).get(pk=pk)


def dialogue_log_years(council: Council) -> list[int]:
    """The years the log has entries in, newest first."""
    return list(
        DialogueEntry.objects.filter(council=council)
        .annotate(year=ExtractYear("held_on"))
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )


def log_participants(council: Council) -> QuerySet[Person]:
    """The people who may be named as the council's participants: its members and substitutes in office, and
    anyone who ever sat (for older entries)."""
    return Person.objects.filter(memberships__seat__council=council).distinct().order_by("first_name", "last_name")


@dataclass
class YearLog:
    year: int
    total: int
    per_counterpart: list[tuple[str, str, int]]  # (value, label, count) for every kind, in the model's order
    entries: list[DialogueEntry]


def dialogue_log_for_year(council: Council, year: int) -> YearLog:
    """The year's dialogue for the annual report: counts per counterpart (every kind, zero included) and the
    entries, oldest first (4 queries)."""
    counts = dict(
        DialogueEntry.objects.filter(council=council, held_on__year=year)
        .values_list("counterpart")
        .annotate(n=Count("id"))
        .values_list("counterpart", "n")
    )
    entries = list(dialogue_entries(council, year=year).order_by("held_on", "id"))
    per = [(value, str(label), counts.get(value, 0)) for value, label in DialogueEntry.Counterpart.choices]
    return YearLog(year=year, total=sum(counts.values()), per_counterpart=per, entries=entries)
