"""Fixtures of the finance tests: a small cast (three members) and this year's budget with four lines."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from raad.finance import services
from raad.testing.cast import build_cast, log_in_verified

PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def pdf(name: str = "kvittering.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


@pytest.fixture
def small_cast(db):
    return build_cast(members=3)


@pytest.fixture
def council(small_cast):
    return small_cast.council


@pytest.fixture
def secretary(small_cast):
    return small_cast.secretary


@pytest.fixture
def member(small_cast):
    return small_cast.users["medlem"]


@pytest.fixture
def budget(council, secretary):
    year = timezone.localdate().year
    budget = services.budget_year_create(
        council=council,
        year=year,
        transport_rate=Decimal("3.81"),
        decision_reference="KB 10.12, pkt. 4",
        claim_limit=Decimal("1000.00"),
        by=secretary,
    )
    for name, amount, claims in [
        ("Arrangementer", "20000.00", ""),
        ("Møder og forplejning", "8000.00", ""),
        ("Kørsel", "3000.00", "transport"),
        ("Andet", "2000.00", "other"),
    ]:
        services.budget_line_set(budget=budget, name=name, amount=Decimal(amount), receives_claims=claims, by=secretary)
    return budget


@pytest.fixture
def lines(budget):
    return {line.name: line for line in budget.lines.all()}


@pytest.fixture
def sec_client(client, secretary):
    return log_in_verified(client, secretary)
