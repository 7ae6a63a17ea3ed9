"""Demo: the council's money this year. A budget from the municipal board in six lines, catering for the held
meetings, an interpreter, printing, a member's approved transport claim (now an expense on the transport line)
and one claim waiting for the secretariat. Every amount and every payee is INVENTED for the demo; the transport
rate is a plausible figure, not the municipality's. Idempotent: does nothing when the year has a budget."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model

from raad.community.models import Event
from raad.core import mail
from raad.councils.demo import DemoContext
from raad.councils.models import Purpose
from raad.finance import services
from raad.finance.models import BudgetYear
from raad.meetings.models import Meeting

# (name, amount, receives claims) – invented amounts.
LINES = [
    ("Arrangementer", "40000.00", ""),
    ("Møder og forplejning", "12000.00", ""),
    ("Tolkning", "15000.00", ""),
    ("Kørsel", "6000.00", "transport"),
    ("Kommunikation", "8000.00", ""),
    ("Andet", "4000.00", "other"),
]


def load(context: DemoContext) -> None:
    council = context.council
    today = context.calendar.today
    year = today.year
    if BudgetYear.objects.filter(council=council, year=year).exists():
        return
    users = get_user_model().objects.filter(username__in=["sekretariat", "medlem", "naestforperson"])
    by_name = {u.username: u for u in users}
    secretary = by_name.get("sekretariat")
    purposes = {p.number: p for p in Purpose.objects.filter(terms_of_reference__council=council)}
    first_day = datetime.date(year, 1, 1)

    def ago(days: int) -> datetime.date:
        return max(first_day, today - datetime.timedelta(days=days))

    with mail.suppressed():
        budget = services.budget_year_create(
            council=council,
            year=year,
            transport_rate=Decimal("3.81"),
            claim_limit=Decimal("1500.00"),
            decision_reference=f"KB {year - 1}, budgetvedtagelse (opfundet til demoen)",
            decided_on=datetime.date(year - 1, 10, 9),
            by=secretary,
        )
        lines = {
            name: services.budget_line_set(
                budget=budget, name=name, amount=Decimal(amount), receives_claims=claims, by=secretary
            )
            for name, amount, claims in LINES
        }
        held = list(
            Meeting.objects.filter(council=council, status=Meeting.Status.HELD, starts_at__year=year).order_by(
                "starts_at"
            )
        )
        for meeting in held:
            expense = services.expense_register(
                line=lines["Møder og forplejning"],
                spent_on=meeting.starts_at.date(),
                payee="Café Isefjord",
                amount=Decimal("1437.50"),
                description="Sandwich, frugt og kaffe til rådsmødet (25 personer)",
                meeting=meeting,
                purposes=[p for n, p in purposes.items() if n == 1],
                by=secretary,
            )
            services.expense_mark_paid(expense=expense, by=secretary)
        event = Event.objects.filter(council=council).exclude(interpreters="").order_by("starts_at").first()
        interpreter = services.expense_register(
            line=lines["Tolkning"],
            spent_on=event.starts_at.date() if event and event.starts_at.year == year else ago(40),
            payee="Tolkeservice Vestsjælland",
            amount=Decimal("4250.00"),
            description="Tolk arabisk–dansk, dialogaften (3 timer)",
            event=event if event and event.starts_at.year == year else None,
            purposes=[p for n, p in purposes.items() if n in (1, 2)],
            by=secretary,
        )
        services.expense_mark_paid(expense=interpreter, by=secretary)
        services.expense_register(
            line=lines["Kommunikation"],
            spent_on=ago(20),
            payee="Holbæk Tryk",
            amount=Decimal("2980.00"),
            description="Foldere om rådet på fem sprog (bestilt)",
            purposes=[p for n, p in purposes.items() if n == 3],
            by=secretary,
        )
        wrong = services.expense_register(
            line=lines["Arrangementer"],
            spent_on=ago(60),
            payee="Lokalhistorisk Forening",
            amount=Decimal("750.00"),
            description="Leje af udstilling",
            by=secretary,
        )
        services.expense_reverse(
            expense=wrong, reason="Bogført to gange; udstillingen blev betalt af foreningen.", by=secretary
        )
        if "medlem" in by_name:
            approved = services.claim_submit(
                council=council,
                claimant=by_name["medlem"],
                incurred_on=held[-1].starts_at.date() if held else ago(30),
                kind="transport",
                what="Kørsel til rådsmøde, Tølløse–Holbæk tur/retur",
                km=Decimal("46"),
            )
            services.claim_approve(claim=approved, line=lines["Kørsel"], by=secretary)
        if "naestforperson" in by_name:
            services.claim_submit(
                council=council,
                claimant=by_name["naestforperson"],
                incurred_on=ago(3),
                kind="transport",
                what="Kørsel til møde med foreninger i Jyderup",
                km=Decimal("38.5"),
            )
    context.notes.append(
        f"Økonomi: budget {year} med seks poster, udgifter og to udlægskrav. Alle beløb og modtagere er opfundne."
    )
