"""Fixtures of the integration-effort tests: a small cast (three members), a secretary's client and CSV bytes."""

from __future__ import annotations

import pytest

from raad.testing.cast import build_cast, log_in_verified

HEADER = "indicator,goal_area,measure_da,unit,year,value,change_since_2012,source"
SOURCE = "Det nationale integrationsbarometer (test)"


def csv_of(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


def row(code="1.1", year=2021, value="20", name="Beskæftigelsesgab", unit="procentpoint", area="Arbejde") -> str:
    return f'{code},{area},"{name}",{unit},{year},{value},-6,"{SOURCE}"'


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
def sec_client(client, secretary):
    return log_in_verified(client, secretary)
