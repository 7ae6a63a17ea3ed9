"""The membership tests build their council and people from the pieces of the named cast (raad/testing/cast.py):
Holbæk's council from the preset, its 15 seats, the board's decision of 28 January 2026, the secretariat."""

from __future__ import annotations

import datetime

import pytest

from raad.councils.models import Term
from raad.testing.cast import START, make_council, make_decision, make_person, make_seats, make_secretary

__all__ = ["START", "make_council", "make_person", "make_seats"]


@pytest.fixture
def council(db):
    return make_council()


@pytest.fixture
def term(council):
    return Term.objects.get(council=council, starts_on=datetime.date(2026, 1, 1))


@pytest.fixture
def old_term(council):
    return Term.objects.get(council=council, starts_on=datetime.date(2022, 1, 1))


@pytest.fixture
def decision(council):
    return make_decision(council)


@pytest.fixture
def seats(council):
    return make_seats(council)


@pytest.fixture
def secretary(council):
    """Camilla Holt, `sekretariat`."""
    return make_secretary(council)
