"""RAAD_DATABASE_REPLICA_URL: anonymous visitors' public pages read from a streaming replica (pg_basebackup -R of
a real primary); the workspace and every write use the primary; the replica stopped, the public site reads from
the primary and stays up. The site runs in a process of its own, configured as in production."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from raad.testing import pgreplica
from raad.testing.plugin import in_ci

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


@pytest.fixture
def primary_and_replica():
    if missing := pgreplica.available():
        message = f"PostgreSQL server programs missing: {', '.join(missing)}"
        if in_ci():
            pytest.fail(f"CI=true: {message}", pytrace=False)
        pytest.skip(message)
    primary = pgreplica.TemporaryPostgres()
    replica = pgreplica.Replica(primary)
    try:
        url = primary.start()
        pgreplica.createdb(primary)
        yield primary, url, replica
    finally:
        replica.stop()
        primary.stop()


def run(env: dict[str, str], *args: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "raad.core.tests.replica_probe", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_public_reads_go_to_the_replica_writes_to_the_primary_and_a_stopped_replica_is_survived(
    primary_and_replica,
):
    primary, url, replica = primary_and_replica
    env = {**os.environ, "DATABASE_URL": url, "RAAD_DATABASE_REPLICA_URL": replica.url, "EMAIL_BACKEND": "locmem"}
    slug = run({**env, "RAAD_DATABASE_REPLICA_URL": url}, "setup")["slug"]  # migrations before the replica exists
    replica.create()
    replica.start()

    found = run(env, "probe", slug)
    assert found["public"]["status"] == 200
    assert found["public"]["replica"] > 0 and found["public"]["primary"] == 0
    assert found["workspace_get"]["status"] == 200 and found["workspace_get"]["replica"] == 0
    assert found["workspace_post"]["status"] == 302 and found["workspace_post"]["replica"] == 0
    assert found["workspace_post"]["primary"] > 0
    assert found["meetings_on_primary"] == found["meetings_on_replica"] == 1  # streamed to the replica

    replica.stop()
    survived = run(env, "down", slug)
    assert survived == {"status": 200, "primary": survived["primary"], "replica": 0, "council_named": True}
    assert survived["primary"] > 0


def test_after_a_post_the_same_browser_reads_from_the_primary_for_a_while(rf, monkeypatch):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse

    from raad.core import replica

    monkeypatch.setattr(replica, "configured", lambda: True)
    monkeypatch.setattr(replica, "_replica_reachable", lambda: True)
    seen = []
    middleware = replica.PublicReadsMiddleware(
        lambda request: seen.append(replica.reading_from_replica()) or HttpResponse()
    )

    def request(method, path="/raad/integrationsraadet/", **cookies):
        made = getattr(rf, method)(path)
        made.user, made.COOKIES = AnonymousUser(), cookies
        return middleware(made)

    request("get")
    posted = request("post", "/raad/integrationsraadet/henvendelse/")
    assert posted.cookies[replica.STICKY_COOKIE]["max-age"] == replica.STICKY_SECONDS
    request("get", **{replica.STICKY_COOKIE: "1"})
    request("get", "/arbejdsrum/integrationsraadet/")
    assert seen == [True, False, False, False]
    assert not replica.reading_from_replica()  # reset after each request


def test_the_router_reads_from_the_replica_only_for_a_marked_request_outside_transactions(monkeypatch):
    from django.db import connections

    from raad.core import replica
    from raad.core.models import AuditEntry
    from raad.meetings.models import Meeting

    router = replica.ReplicaRouter()
    assert router.db_for_read(Meeting) == "default"  # not marked
    token = replica._use_replica.set(True)
    try:
        assert router.db_for_read(Meeting) == "replica"
        from django.contrib.sessions.models import Session

        assert router.db_for_read(Session) == "default"  # state, not content
        monkeypatch.setattr(connections["default"], "in_atomic_block", True)
        assert router.db_for_read(Meeting) == "default"  # a service's transaction, its locks
        monkeypatch.setattr(connections["default"], "in_atomic_block", False)
        assert router.db_for_write(AuditEntry) == "default"
        assert router.db_for_read(Meeting) == "default"  # after a write, the rest of the request
    finally:
        replica._use_replica.reset(token)
    assert not router.allow_migrate("replica", "meetings") and router.allow_migrate("default", "meetings")
