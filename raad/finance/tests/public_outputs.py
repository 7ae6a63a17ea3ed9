"""The finance app in the leak test (raad/testing/public_outputs.py). Finance has no public output at all: it
registers no URL, only its secrets (a claim's text, a payee, an expense's description, an amount), which the
test then hunts for in every other app's public pages, PDFs and feeds."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from raad.finance import services
from raad.testing.public_outputs import PublicOutputs, register

SECRETS = ["HEMMELIGT-UDLAEG-KOERSEL", "HEMMELIG-MODTAGER-TOLK", "HEMMELIG-FORPLEJNING", "98.765,43"]


def build(cast) -> PublicOutputs:
    today = timezone.localdate()
    budget = services.budget_year_create(council=cast.council, year=today.year, transport_rate=Decimal("3.81"), by=None)
    line = services.budget_line_set(budget=budget, name="Tolkning", amount=Decimal("100000.00"), by=None)
    services.expense_register(
        line=line,
        spent_on=today,
        payee="HEMMELIG-MODTAGER-TOLK",
        amount=Decimal("98765.43"),
        description="HEMMELIG-FORPLEJNING",
        by=cast.secretary,
    )
    services.claim_submit(
        council=cast.council,
        claimant=cast.users["medlem"],
        incurred_on=max(today - datetime.timedelta(days=1), today.replace(month=1, day=1)),
        kind="transport",
        what="HEMMELIGT-UDLAEG-KOERSEL",
        km=Decimal("10"),
    )
    return PublicOutputs(public=[], secrets=SECRETS)


register(app="finance", build=build)
