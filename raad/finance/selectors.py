"""Reads of the council's money: the overview per line, expenses, claims, the desk panel and the accounts.
Nothing here is public: every reader is the secretariat, or a member reading their own claims."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from raad.community.models import Event
from raad.finance import rules
from raad.finance.models import BudgetLine, BudgetYear, Claim, Expense
from raad.meetings.models import Meeting

ZERO = Decimal("0.00")


def budget_years(council: Any) -> list[BudgetYear]:
    return list(BudgetYear.objects.filter(council=council).order_by("-year"))


def budget_year(council: Any, year: int) -> BudgetYear | None:
    return BudgetYear.objects.filter(council=council, year=year).first()


def line_figures(budget: BudgetYear) -> list[tuple[BudgetLine, rules.LineFigures]]:
    """Every line of the year with its budget, spent (paid) and committed sums, in one query."""
    money = Coalesce(Sum("expenses__amount", filter=Q(expenses__status=Expense.Status.PAID)), ZERO)
    lines = BudgetLine.objects.filter(budget=budget).annotate(
        spent=money,
        committed=Coalesce(Sum("expenses__amount", filter=Q(expenses__status=Expense.Status.COMMITTED)), ZERO),
    )
    return [
        (line, rules.LineFigures(budget=line.amount, spent=line.spent, committed=line.committed))
        for line in lines.order_by("position", "id")
    ]


def figures_of_line(line: BudgetLine) -> rules.LineFigures:
    """One line's figures (the service reads them under the line's lock)."""
    sums = Expense.objects.filter(line=line).aggregate(
        spent=Coalesce(Sum("amount", filter=Q(status=Expense.Status.PAID)), ZERO),
        committed=Coalesce(Sum("amount", filter=Q(status=Expense.Status.COMMITTED)), ZERO),
    )
    return rules.LineFigures(budget=line.amount, spent=sums["spent"], committed=sums["committed"])


@dataclass
class Bar:
    """One line of the chart: its figures and the widths (per cent of the widest budget) of its parts."""

    line: BudgetLine
    figures: rules.LineFigures
    spent_width: Decimal
    committed_width: Decimal
    budget_width: Decimal
    y: int


@dataclass
class Overview:
    budget: BudgetYear | None
    years: list[BudgetYear]
    bars: list[Bar]
    total: rules.LineFigures
    chart_height: int


BAR_STEP = 56  # px between the chart's rows


def _width(value: Decimal, scale: Decimal) -> Decimal:
    if scale <= 0 or value <= 0:
        return Decimal(0)
    return min(Decimal(100), (value * 100 / scale)).quantize(Decimal("0.1"))


def overview_screen(council: Any, year: int | None) -> Overview:
    """The year's lines with their figures and chart geometry (3 queries)."""
    years = budget_years(council)
    budget = next((b for b in years if b.year == year), None) if year else (years[0] if years else None)
    rows = line_figures(budget) if budget is not None else []
    scale = max([max(f.budget, f.used) for _line, f in rows], default=Decimal(0))
    bars = []
    for index, (line, figures) in enumerate(rows):
        spent = _width(max(figures.spent, Decimal(0)), scale)
        committed = _width(max(figures.committed, Decimal(0)), scale)
        bars.append(
            Bar(
                line=line,
                figures=figures,
                spent_width=spent,
                committed_width=min(committed, Decimal(100) - spent),
                budget_width=_width(figures.budget, scale),
                y=index * BAR_STEP,
            )
        )
    total = rules.LineFigures(
        budget=sum((f.budget for _l, f in rows), ZERO),
        spent=sum((f.spent for _l, f in rows), ZERO),
        committed=sum((f.committed for _l, f in rows), ZERO),
    )
    return Overview(budget=budget, years=years, bars=bars, total=total, chart_height=max(1, len(bars)) * BAR_STEP)


def expenses_of(budget: BudgetYear) -> QuerySet[Expense]:
    return (
        Expense.objects.filter(line__budget=budget)
        .select_related("line", "meeting", "event", "reverses", "over_budget_approved_by", "claim")
        .prefetch_related("purposes")
        .order_by("-spent_on", "-id")
    )


def expense(council: Any, pk: int) -> Expense:
    return (
        Expense.objects.select_related("line__budget", "meeting", "event", "reverses", "over_budget_approved_by")
        .prefetch_related("purposes")
        .get(pk=pk, line__budget__council=council)
    )


def is_reversed(expense: Expense) -> bool:
    return Expense.objects.filter(reverses=expense).exists()


def claims_waiting(council: Any) -> QuerySet[Claim]:
    return (
        Claim.objects.filter(council=council, status=Claim.Status.SUBMITTED)
        .select_related("claimant", "budget")
        .order_by("incurred_on", "id")
    )


def claims_decided(council: Any, *, limit: int = 50) -> QuerySet[Claim]:
    return (
        Claim.objects.filter(council=council)
        .exclude(status=Claim.Status.SUBMITTED)
        .select_related("claimant", "decided_by")
        .order_by("-decided_at", "-id")[:limit]
    )


def claims_of(council: Any, user: Any) -> QuerySet[Claim]:
    """A member's own claims, newest first."""
    return (
        Claim.objects.filter(council=council, claimant=user)
        .select_related("decided_by")
        .order_by("-incurred_on", "-id")
    )


def claim(council: Any, pk: int) -> Claim:
    return Claim.objects.select_related("claimant", "budget", "decided_by", "over_limit_approved_by").get(
        pk=pk, council=council
    )


def claim_lines(budget: BudgetYear) -> QuerySet[BudgetLine]:
    return BudgetLine.objects.filter(budget=budget).order_by("position", "id")


def default_claim_line(budget: BudgetYear, kind: str) -> BudgetLine | None:
    lines = list(claim_lines(budget))
    return next((line for line in lines if line.receives_claims == kind), None) or next(
        (line for line in lines if line.receives_claims), None
    )


def desk_panel(council: Any, user: Any) -> dict | None:
    """The desk panel "Økonomi": claims awaiting a decision and lines 90 % used (the secretariat); a member
    sees a link to their own claims and how many wait."""
    if user.has_perm("finance.manage", council):
        budget = budget_year(council, timezone.localdate().year)
        nearly = [(line, f) for line, f in line_figures(budget) if rules.line_is_nearly_used(f)] if budget else []
        return {"manage": True, "waiting": claims_waiting(council).count(), "nearly_used": nearly, "budget": budget}
    if user.has_perm("finance.claim", council):
        return {"manage": False, "my_waiting": claims_of(council, user).filter(status=Claim.Status.SUBMITTED).count()}
    return None


def meetings_of_year(council: Any, year: int) -> QuerySet:
    return Meeting.objects.filter(council=council, starts_at__year=year).order_by("starts_at")


def events_of_year(council: Any, year: int) -> QuerySet:
    return Event.objects.filter(council=council, starts_at__year=year).order_by("starts_at")


def accounts_rows(budget: BudgetYear) -> list[Expense]:
    """Every entry of the year, oldest first, for the CSV accounts."""
    return list(expenses_of(budget).order_by("spent_on", "id"))
