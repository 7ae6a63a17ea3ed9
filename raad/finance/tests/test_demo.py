"""The finance demo: this year's budget in six lines, catering for held meetings, an interpreter, a reversed
expense, Ahmad's approved transport claim and Lars's claim waiting for the secretariat."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from raad.finance import selectors
from raad.finance.models import BudgetYear, Claim, Expense


def test_the_demo_tells_the_years_money(demo_data):
    budget = BudgetYear.objects.get(year=timezone.localdate().year)
    assert [line.name for line in budget.lines.all()] == [
        "Arrangementer",
        "Møder og forplejning",
        "Tolkning",
        "Kørsel",
        "Kommunikation",
        "Andet",
    ]
    claims = {c.claimant.username: c for c in Claim.objects.select_related("claimant")}
    assert (claims["medlem"].status, claims["medlem"].amount) == ("approved", Decimal("175.26"))  # 46 km × 3,81
    assert claims["medlem"].expense.line.name == "Kørsel"
    assert claims["naestforperson"].status == "submitted"
    assert Expense.objects.filter(line__name="Tolkning", payee="Tolkeservice Vestsjælland").exists()
    assert Expense.objects.filter(reverses__isnull=False).count() == 1
    figures = dict(selectors.line_figures(budget))
    assert all(f.remaining >= 0 for f in figures.values())
