"""A small cast for the membership tests: Holbæk's council from the preset, its seats, a secretary."""

from __future__ import annotations

import datetime

import pytest

from raad.core.roles import Role
from raad.core.services import user_create
from raad.councils.models import Term
from raad.councils.presets import PRESETS
from raad.councils.services import board_decision_record, council_setup_from_preset, staff_assign
from raad.membership.models import Seat
from raad.membership.services import nominating_body_create, person_create, seat_create

START = datetime.date(2026, 2, 1)


def make_council():
    council, _ = council_setup_from_preset(preset=PRESETS["holbaek"])
    return council


def make_seats(council, nominated: int = 13, direct: int = 2) -> list[Seat]:
    seats = []
    for number in range(1, nominated + 1):
        body = nominating_body_create(
            council=council, name=f"Forening {number}", contact_email=f"forening{number}@example.org", by=None
        )
        seats.append(
            seat_create(council=council, number=number, kind=Seat.Kind.NOMINATED, nominating_body=body, by=None)
        )
    for number in range(nominated + 1, nominated + direct + 1):
        seats.append(seat_create(council=council, number=number, kind=Seat.Kind.DIRECT, by=None))
    return seats


def make_person(first: str, last: str = "Hansen", postcode: str = "4300", **extra):
    extra.setdefault("email", f"{first.lower()}@example.org")
    return person_create(
        first_name=first, last_name=last, postcode=postcode, city="", municipality_code="0316", by=None, **extra
    )


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
    return board_decision_record(
        municipality=council.municipality,
        decided_on=datetime.date(2026, 1, 28),
        reference="KB 28.01.2026, pkt. 7",
        title="Udpegning",
        by=None,
    )


@pytest.fixture
def seats(council):
    return make_seats(council)


@pytest.fixture
def secretary(council):
    user = user_create(
        username="camilla",
        email="camilla@example.org",
        first_name="Camilla",
        last_name="Holt",
        password="a-long-test-password",
        by=None,
    )
    staff_assign(council=council, user=user, role=Role.SECRETARIAT, starts_on=datetime.date(2022, 7, 1), by=None)
    return user
