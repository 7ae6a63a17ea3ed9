"""The load test's smoke version and the database fault, against real processes: gunicorn (DEBUG=false, the
collected static files, several workers) on a PostgreSQL started for the test, Locust headless on loopback
(`benchmarks/load/`, docs/load.md). The full run (200 users, 10 minutes) is `make bench-load`.

They bring their own PostgreSQL, so the PostgreSQL pass of `make test` and the test clock skip them: they run
once, in the SQLite pass. With CI=true a process that cannot start fails the test instead of skipping it."""

from __future__ import annotations

import os

import pytest

from raad.testing.plugin import in_ci

pytestmark = [
    pytest.mark.load,
    pytest.mark.skipif(
        os.environ.get("RAAD_TEST_DB") == "postgres" or bool(os.environ.get("RAAD_TEST_TODAY")),
        reason="brings its own PostgreSQL and gunicorn: runs once, in the SQLite pass at today's date",
    ),
]


def _cannot_start(error: Exception) -> None:
    if in_ci():
        pytest.fail(f"CI=true: the load test could not start a process: {error}", pytrace=False)
    pytest.skip(f"the load test could not start a process: {error}")


def test_smoke_load_then_postgresql_stopped_under_load():
    """One test, so that pytest-xdist never builds the installation (the minutes of this test) twice."""
    from benchmarks.load.run import CannotStart, installation

    try:
        with installation(workers=3) as site:
            _smoke(site)
            _fault(site)
    except CannotStart as error:
        _cannot_start(error)


def _smoke(site) -> None:
    """Twenty users for twenty seconds: no server error, every accepted write there exactly once."""
    result = site.load(users=20, seconds=20, pace="stress")
    print(result.summary())
    assert result.requests > 40  # ~6 a second on an idle machine; far fewer when it is shared
    assert result.server_errors == 0 and result.unavailable == 0, result.statuses
    assert result.failures == 0, result.statuses
    accepted = result.writes["accepted"]
    assert {"inquiry", "registration"} <= accepted.keys() and min(accepted.values()) > 0, accepted
    assert result.writes["lost"] == [] and result.writes["doubled"] == []


def _fault(site) -> None:
    """`pg_ctl stop -m fast` 6 s into a load, 4 s down, started again: the outage page, then the same gunicorn
    answers again by itself, and no accepted write is lost."""
    result = site.load(users=10, seconds=20, fault_at=6, outage_seconds=4, pace="stress")
    print(result.summary())
    outage = result.outage
    assert outage is not None and outage.started_at > outage.stopped_at
    during = [e for e in result.log if outage.stopped_at + 0.5 < e["t"] < outage.started_at - 0.5]
    after = [e for e in result.log if e["t"] > outage.started_at + 3]
    assert any(e["status"] == 503 and e["outage_page"] for e in during), during
    # not a 500, not a hang: every request while it was down got the outage page or (read before it) a 200
    assert result.server_errors == 0, result.statuses
    assert max(e["ms"] for e in during) < 5000
    assert after and all(e["status"] < 500 for e in after), after
    assert result.writes["lost"] == [] and result.writes["doubled"] == []
