"""The annual report's figures (årsberetning, R23): every number reproducible from the data of one year.

Built from the owning apps' per-year selectors in a fixed number of queries. Nothing closed (closed agenda
items, unpublished statements or topics, draft events) and nothing personal (counts and roles only) ever
enters: the report is published. `figures_to_json`/`figures_from_json` freeze the figures at adoption.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, QuerySet

from raad.community.models import VolunteeringContribution
from raad.community.selectors.events import events_for_year, events_per_purpose_for_year
from raad.community.selectors.media import coverage_for_year, press_releases_for_year
from raad.community.selectors.volunteering import contributions_for_year
from raad.councils.models import Council, Purpose
from raad.dialogue.models import DialogueEntry
from raad.dialogue.selectors.log import dialogue_log_for_year
from raad.dialogue.selectors.topics import public_topics_for_year
from raad.finance.selectors import budget_year, line_figures
from raad.meetings.models import AgendaItem, Meeting
from raad.meetings.selectors.workspace import attendance_for_year, meetings_in_year, open_items_of_year
from raad.membership.models import Membership
from raad.membership.selectors import membership_changes_in_year
from raad.secretariat.models import AnnualReport
from raad.secretariat.rules import percent
from raad.statements.selectors.public import public_statements_for_year

LABELS = {
    "dialogue": dict(DialogueEntry.Counterpart.choices),
    "volunteering": dict(VolunteeringContribution.Kind.choices),
    "role": dict(Membership.Role.choices),
}


@dataclass(frozen=True)
class CountRow:
    """A counted kind; its label is looked up in the reader's language (`kind` names the choices)."""

    kind: str
    key: str
    count: int

    @property
    def label(self) -> str:
        return str(LABELS[self.kind].get(self.key, self.key))


@dataclass(frozen=True)
class PurposeFigures:
    number: int
    title: str
    agenda_items: int
    statements: int
    topics: int
    events: int
    media: int


@dataclass(frozen=True)
class MeetingRow:
    held_on: datetime.date
    seats: int
    filled: int
    apologies: int

    @property
    def attendance_percent(self) -> int:
        return percent(self.filled, self.seats)


@dataclass(frozen=True)
class MeetingFigures:
    held: int
    cancelled: int
    open_items: int
    rows: tuple[MeetingRow, ...]

    @property
    def seats(self) -> int:
        return sum(r.seats for r in self.rows)

    @property
    def filled(self) -> int:
        return sum(r.filled for r in self.rows)

    @property
    def apologies(self) -> int:
        return sum(r.apologies for r in self.rows)

    @property
    def attendance_percent(self) -> int:
        return percent(self.filled, self.seats)


@dataclass(frozen=True)
class StatementFigures:
    responses: int
    own_initiative: int
    with_follow_up: int
    follow_ups: int


@dataclass(frozen=True)
class TopicFigures:
    raised: int
    inquiries: int
    raised_elsewhere: int
    discussed: int
    with_statement: int
    with_outcome: int


@dataclass(frozen=True)
class DialogueFigures:
    total: int
    per_counterpart: tuple[CountRow, ...]


@dataclass(frozen=True)
class EventFigures:
    held: int
    cancelled: int
    participants: int
    counted: int


@dataclass(frozen=True)
class MediaFigures:
    coverage: int
    press_releases: int


@dataclass(frozen=True)
class VolunteeringFigures:
    total: int
    per_kind: tuple[CountRow, ...]


@dataclass(frozen=True)
class BudgetLineFigures:
    name: str
    budget: Decimal
    spent: Decimal


@dataclass(frozen=True)
class BudgetFigures:
    has_budget: bool
    lines: tuple[BudgetLineFigures, ...]

    @property
    def budget(self) -> Decimal:
        return sum((line.budget for line in self.lines), Decimal("0.00"))

    @property
    def spent(self) -> Decimal:
        return sum((line.spent for line in self.lines), Decimal("0.00"))


@dataclass(frozen=True)
class MembershipFigures:
    started: tuple[CountRow, ...]  # per role, every role (zero included)
    ended: tuple[CountRow, ...]
    substitutes_started: int
    substitutes_ended: int

    @property
    def started_total(self) -> int:
        return sum(r.count for r in self.started)

    @property
    def ended_total(self) -> int:
        return sum(r.count for r in self.ended)


@dataclass(frozen=True)
class AnnualFigures:
    year: int
    purposes: tuple[PurposeFigures, ...]
    meetings: MeetingFigures
    statements: StatementFigures
    topics: TopicFigures
    dialogue: DialogueFigures
    events: EventFigures
    media: MediaFigures
    volunteering: VolunteeringFigures
    budget: BudgetFigures
    membership: MembershipFigures


def _items_per_purpose(council: Council, year: int) -> dict[int, int]:
    return {
        row["purpose_id"]: row["n"]
        for row in AgendaItem.purposes.through.objects.filter(agendaitem__in=open_items_of_year(council, year))
        .values("purpose_id")
        .annotate(n=Count("id"))
    }


def annual_report_figures(council: Council, year: int) -> AnnualFigures:
    """Every figure of the council's annual report for `year`, live from the data (a fixed number of queries,
    about 25, whatever the size of the year)."""
    rows = attendance_for_year(council, year)
    meetings = MeetingFigures(
        held=len(rows),
        cancelled=meetings_in_year(council, year).filter(status=Meeting.Status.CANCELLED).count(),
        open_items=open_items_of_year(council, year).count(),
        rows=tuple(MeetingRow(held_on=r.held_on, seats=r.seats, filled=r.filled, apologies=r.apologies) for r in rows),
    )
    statements = public_statements_for_year(council, year)
    topics = public_topics_for_year(council, year)
    coverage = coverage_for_year(council, year)
    media_per_purpose = {p.pk: n for p, n in coverage.per_purpose}
    events_per_purpose = events_per_purpose_for_year(council, year)
    items_per_purpose = _items_per_purpose(council, year)
    purposes = tuple(
        PurposeFigures(
            number=p.number,
            title=p.title,
            agenda_items=items_per_purpose.get(p.pk, 0),
            statements=statements.per_purpose.get(p.pk, 0),
            topics=topics.per_purpose.get(p.pk, 0),
            events=events_per_purpose.get(p.pk, 0),
            media=media_per_purpose.get(p.pk, 0),
        )
        for p in Purpose.objects.filter(terms_of_reference__council=council).order_by("number")
    )
    log = dialogue_log_for_year(council, year)
    events = events_for_year(council, year)
    per_kind = tuple(CountRow("volunteering", key, n) for key, _label, n in contributions_for_year(council, year))
    budget = budget_year(council, year)
    lines = line_figures(budget) if budget is not None else []
    changes = membership_changes_in_year(council, year)
    roles = [value for value, _label in Membership.Role.choices]
    return AnnualFigures(
        year=year,
        purposes=purposes,
        meetings=meetings,
        statements=StatementFigures(
            responses=statements.responses,
            own_initiative=statements.own_initiative,
            with_follow_up=statements.with_follow_up,
            follow_ups=statements.follow_ups,
        ),
        topics=TopicFigures(
            raised=topics.raised,
            inquiries=topics.inquiries,
            raised_elsewhere=topics.raised_elsewhere,
            discussed=topics.discussed,
            with_statement=topics.with_statement,
            with_outcome=topics.with_outcome,
        ),
        dialogue=DialogueFigures(
            total=log.total,
            per_counterpart=tuple(CountRow("dialogue", key, n) for key, _label, n in log.per_counterpart),
        ),
        events=EventFigures(
            held=events["held"],
            cancelled=events["cancelled"],
            participants=events["participants"],
            counted=events["counted"],
        ),
        media=MediaFigures(coverage=coverage.total, press_releases=len(press_releases_for_year(council, year))),
        volunteering=VolunteeringFigures(total=sum(r.count for r in per_kind), per_kind=per_kind),
        budget=BudgetFigures(
            has_budget=budget is not None,
            lines=tuple(BudgetLineFigures(name=line.name, budget=f.budget, spent=f.spent) for line, f in lines),
        ),
        membership=MembershipFigures(
            started=tuple(CountRow("role", r, changes.started.get(r, 0)) for r in roles),
            ended=tuple(CountRow("role", r, changes.ended.get(r, 0)) for r in roles),
            substitutes_started=changes.substitutes_started,
            substitutes_ended=changes.substitutes_ended,
        ),
    )


# --- Freezing at adoption ----------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def figures_to_json(figures: AnnualFigures) -> dict:
    """The figures as JSON-ready data (stored on the report at adoption)."""
    return _plain(dataclasses.asdict(figures))


def figures_from_json(data: dict) -> AnnualFigures:
    """The frozen figures back as the dataclasses the templates read."""

    def rows(items: list[dict]) -> tuple[CountRow, ...]:
        return tuple(CountRow(**item) for item in items)

    meetings = data["meetings"]
    budget = data["budget"]
    membership = data["membership"]
    return AnnualFigures(
        year=data["year"],
        purposes=tuple(PurposeFigures(**p) for p in data["purposes"]),
        meetings=MeetingFigures(
            held=meetings["held"],
            cancelled=meetings["cancelled"],
            open_items=meetings["open_items"],
            rows=tuple(
                MeetingRow(**{**r, "held_on": datetime.date.fromisoformat(r["held_on"])}) for r in meetings["rows"]
            ),
        ),
        statements=StatementFigures(**data["statements"]),
        topics=TopicFigures(**data["topics"]),
        dialogue=DialogueFigures(
            total=data["dialogue"]["total"], per_counterpart=rows(data["dialogue"]["per_counterpart"])
        ),
        events=EventFigures(**data["events"]),
        media=MediaFigures(**data["media"]),
        volunteering=VolunteeringFigures(
            total=data["volunteering"]["total"], per_kind=rows(data["volunteering"]["per_kind"])
        ),
        budget=BudgetFigures(
            has_budget=budget["has_budget"],
            lines=tuple(
                BudgetLineFigures(name=line["name"], budget=Decimal(line["budget"]), spent=Decimal(line["spent"]))
                for line in budget["lines"]
            ),
        ),
        membership=MembershipFigures(
            started=rows(membership["started"]),
            ended=rows(membership["ended"]),
            substitutes_started=membership["substitutes_started"],
            substitutes_ended=membership["substitutes_ended"],
        ),
    )


# --- Reports -----------------------------------------------------------------------------------------------


def report_figures(report: AnnualReport) -> AnnualFigures:
    """The figures a report shows: frozen at adoption, live while a draft."""
    if report.figures is not None:
        return figures_from_json(report.figures)
    return annual_report_figures(report.council, report.year)


def annual_reports(council: Council) -> list[AnnualReport]:
    return list(AnnualReport.objects.filter(council=council).select_related("council").order_by("-year"))


def annual_report_for(council: Council, year: int) -> AnnualReport | None:
    return (
        AnnualReport.objects.filter(council=council, year=year)
        .select_related("council", "agenda_item__meeting", "agenda_item__decision")
        .first()
    )


def _published() -> QuerySet[AnnualReport]:
    """Published reports only: drafts, adopted and sent reports are not public."""
    return AnnualReport.objects.filter(status=AnnualReport.Status.PUBLISHED)


def public_annual_report_list(council: Council) -> QuerySet[AnnualReport]:
    """The council's published reports (the API's list; ordered by the caller)."""
    return _published().filter(council=council).select_related("council")


def public_annual_report(council: Council, year: int) -> AnnualReport | None:
    """A published report, or None."""
    return public_annual_report_list(council).filter(year=year).first()


def public_annual_reports(pks: Iterable[int] | None = None) -> QuerySet[AnnualReport]:
    """The published reports of every council (of `pks` only, when given): the search index's source."""
    qs = _published()
    if pks is not None:
        qs = qs.filter(pk__in=list(pks))
    return qs.select_related("council").order_by("published_at", "pk")


def public_annual_report_years(council: Council) -> list[int]:
    """The years of the council's published reports, newest first (the public council page links them)."""
    return list(_published().filter(council=council).order_by("-year").values_list("year", flat=True))
