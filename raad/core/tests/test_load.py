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


@pytest.fixture(scope="module")
def site():
    from benchmarks.load.run import CannotStart, installation

    try:
        with installation(workers=3) as built:
            yield built
    except CannotStart as error:
        if in_ci():
            pytest.fail(f"CI=true: the load test could not start a process: {error}", pytrace=False)
        pytest.skip(f"the load test could not start a process: {error}")


def test_twenty_users_for_twenty_seconds_get_no_server_error_and_lose_no_write(site):
    result = site.load(users=20, seconds=20)
    print(result.summary())
    assert result.requests > 40  # ~6 a second on an idle machine; far fewer when it is shared
    assert result.server_errors == 0 and result.unavailable == 0, result.statuses
    assert result.failures == 0, result.statuses
    accepted = result.writes["accepted"]
    assert {"inquiry", "registration"} <= accepted.keys() and min(accepted.values()) > 0, accepted
    assert result.writes["lost"] == [] and result.writes["doubled"] == []


def test_postgresql_stopped_under_load_gives_the_503_page_and_the_site_recovers_without_a_restart(site):
    result = site.load(users=10, seconds=20, fault_at=6, outage_seconds=4)
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
