"""Reads of the integration effort: goals, indicators with their latest values, one indicator's screen (values
over time, chart, sources, links to where it was discussed) and the things an indicator may be linked to."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from raad.councils.models import Council
from raad.dialogue.selectors.topics import linkable_topics as dialogue_linkable_topics
from raad.effort.chart import Chart, line_chart
from raad.effort.models import Goal, Indicator, IndicatorLink, IndicatorValue
from raad.meetings.models import Meeting
from raad.meetings.selectors import next_open_meeting
from raad.meetings.selectors.workspace import linkable_agenda_items as meetings_linkable_items
from raad.statements.selectors.workspace import linkable_statements as statements_linkable

MUNICIPALITY = IndicatorValue.Scope.MUNICIPALITY
NATIONAL = IndicatorValue.Scope.NATIONAL


def goals(council: Council) -> QuerySet[Goal]:
    return Goal.objects.filter(council=council).order_by("order", "id")


def goal_get(council: Council, pk: int) -> Goal:
    return Goal.objects.get(council=council, pk=pk)


@dataclass
class IndicatorRow:
    indicator: Indicator
    municipality: IndicatorValue | None
    national: IndicatorValue | None


def indicator_rows(council: Council) -> list[IndicatorRow]:
    """Every indicator of the council with its latest municipal and national value (2 queries)."""
    indicators = list(
        Indicator.objects.filter(council=council)
        .select_related("goal")
        .prefetch_related(Prefetch("values", queryset=IndicatorValue.objects.order_by("year")))
    )
    rows = []
    for indicator in indicators:
        latest: dict[str, IndicatorValue] = {}
        for value in indicator.values.all():
            latest[value.scope] = value
        rows.append(IndicatorRow(indicator, latest.get(MUNICIPALITY), latest.get(NATIONAL)))
    return rows


def indicator_get(council: Council, code: str) -> Indicator:
    return Indicator.objects.select_related("council", "goal").get(council=council, code=code)


@dataclass
class YearRow:
    year: int
    municipality: IndicatorValue | None
    national: IndicatorValue | None


@dataclass
class IndicatorScreen:
    indicator: Indicator
    years: list[YearRow]
    chart: Chart | None
    sources: list[str]
    has_demo: bool
    links: list[IndicatorLink]


def indicator_screen(council: Council, code: str) -> IndicatorScreen:
    """One indicator: its values by year for the municipality and the country, the chart of the same numbers,
    the sources, and the meetings' items, topics and statements it is linked to (3 queries)."""
    indicator = indicator_get(council, code)
    values = list(IndicatorValue.objects.filter(indicator=indicator).order_by("year", "scope"))
    by_year: dict[int, YearRow] = {}
    for value in values:
        row = by_year.setdefault(value.year, YearRow(value.year, None, None))
        setattr(row, value.scope, value)
    series: dict[str, list[tuple[int, Decimal]]] = {MUNICIPALITY: [], NATIONAL: []}
    for value in values:
        series[value.scope].append((value.year, value.value))
    links = list(
        IndicatorLink.objects.filter(indicator=indicator).select_related("agenda_item__meeting", "topic", "statement")
    )
    return IndicatorScreen(
        indicator=indicator,
        years=[by_year[year] for year in sorted(by_year)],
        chart=line_chart(series),
        sources=sorted({value.source for value in values}),
        has_demo=any(value.is_demo for value in values),
        links=links,
    )


def link_get(indicator: Indicator, pk: int) -> IndicatorLink | None:
    return IndicatorLink.objects.filter(indicator=indicator, pk=pk).select_related("indicator").first()


def has_demo_values(council: Council) -> bool:
    return IndicatorValue.objects.filter(indicator__council=council, is_demo=True).exists()


def linkable_agenda_items(council: Council):
    return meetings_linkable_items(council)


def linkable_topics(council: Council):
    return dialogue_linkable_topics(council)


def linkable_statements(council: Council):
    return statements_linkable(council)


def next_meeting(council: Council, *, now: datetime.datetime) -> Meeting | None:
    """The council's next planned meeting whose agenda is still open (the notice not sent)."""
    return next_open_meeting(council.pk, after=now)
