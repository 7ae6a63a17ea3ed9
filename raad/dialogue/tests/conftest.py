"""Fixtures of the dialogue tests: the cast's council and its secretary (the `cast` fixture, root conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def council(cast):
    return cast.council


@pytest.fixture
def secretary(cast):
    return cast.secretary
