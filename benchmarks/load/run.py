"""The load test: Locust against gunicorn in production mode on a PostgreSQL started for the run.

    .venv/bin/python -m benchmarks.load.run --users 200 --seconds 600          # make bench-load
    .venv/bin/python -m benchmarks.load.run --users 20 --seconds 20 --fault 8   # stop PostgreSQL 8 s into the run

Steps (docs/load.md): a temporary PostgreSQL cluster (`raad.testing.plugin.TemporaryPostgres`, Unix socket only);
`migrate`, `collectstatic` (the manifest storage, as in production), `setup_council holbaek` and `load_demo`;
`django_side prepare` (members' logins and sessions); gunicorn on a free loopback port with DEBUG=false and
several workers; Locust headless with the mix of `locustfile.py`, bounded in users and time; then
`django_side verify`: every write Locust got a success for is in the database exactly once.

The public forms' rate limit counts per client address, and every simulated citizen comes from 127.0.0.1: the run
raises PUBLIC_FORM_RATE_LIMIT for its own gunicorn only (the setting's default, 5 per 10 minutes, is untouched).
Nobody logs in during the run (sessions are made beforehand), so django-axes' login throttling never counts.

With --fault N the runner stops PostgreSQL (`pg_ctl stop -m fast`) N seconds into the load, keeps it down
--outage seconds, and starts it again; gunicorn is not restarted."""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from raad.testing.processes import terminate

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
logger = logging.getLogger("benchmarks.load")

BIN = Path(sys.executable).parent
SECRET_KEY = "load-test-secret-key-not-for-production-Qw8Zr4Tn6Yp2Lk5Hj7Vb9Xc1Md3"
# Far above what the run sends from one address, for this run's server only (see the module's docstring).
RATE_LIMIT_FOR_THE_RUN = "1000000"


class CannotStart(RuntimeError):
    """A process the run needs (PostgreSQL, gunicorn, Locust) could not start."""


@dataclass
class Outage:
    stopped_at: float = 0.0  # seconds since the load began
    started_at: float = 0.0


@dataclass
class Result:
    users: int
    seconds: int
    workers: int
    pace: str = "reading"
    ramp_seconds: float = 0.0  # users are started evenly over this time; "steady" counts what followed
    requests: int = 0
    failures: int = 0
    median_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    rps: float = 0.0
    statuses: dict[str, int] = field(default_factory=dict)
    server_errors: int = 0  # 5xx other than the database-outage 503, or no answer at all
    unavailable: int = 0  # 503 with the outage page
    writes: dict = field(default_factory=dict)
    outage: Outage | None = None
    log: list[dict] = field(default_factory=list)  # every request: t, name, status, ms
    slowest: list[tuple[str, float]] = field(default_factory=list)  # (name, p95 ms), worst first
    steady: dict[str, float] = field(default_factory=dict)  # requests, p50, p95, p99 once every user runs

    @property
    def lost_writes(self) -> int:
        return len(self.writes.get("lost", []))

    @property
    def doubled_writes(self) -> int:
        return len(self.writes.get("doubled", []))

    def summary(self) -> str:
        lines = [
            f"users {self.users}, {self.seconds} s, pace {self.pace}, gunicorn workers {self.workers}",
            f"requests {self.requests} ({self.rps:.1f}/s), Locust failures {self.failures}",
            f"whole run: p50 {self.median_ms:.0f} ms, p95 {self.p95_ms:.0f} ms, p99 {self.p99_ms:.0f} ms",
            f"steady (after the {self.ramp_seconds:.0f} s ramp): {self.steady.get('requests', 0):.0f} requests, "
            f"p50 {self.steady.get('p50', 0):.0f} ms, p95 {self.steady.get('p95', 0):.0f} ms, "
            f"p99 {self.steady.get('p99', 0):.0f} ms",
            f"statuses {dict(sorted(self.statuses.items()))}",
            f"server errors (5xx or no answer; outage 503 apart) {self.server_errors}, outage 503 {self.unavailable}",
            f"writes accepted {self.writes.get('accepted')}, lost {self.lost_writes}, written twice "
            f"{self.doubled_writes}, failed but kept {self.writes.get('failed_but_kept')}",
            "slowest p95: " + ", ".join(f"{name} {ms:.0f} ms" for name, ms in self.slowest[:5]),
        ]
        if self.outage:
            lines.append(f"PostgreSQL down from {self.outage.stopped_at:.1f} s to {self.outage.started_at:.1f} s")
        return "\n".join(lines)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _environment(tmp: Path, database_url: str, port: int) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SECURE_", "SESSION_", "CSRF_", "RAAD_", "DJANGO_", "STATIC_", "MEDIA_", "PUBLIC_FORM_"))
        and k not in {"DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "SITE_URL", "EMAIL_BACKEND", "DEBUG"}
    }
    env.update(
        {
            "DEBUG": "false",
            "DJANGO_SETTINGS_MODULE": "raad.settings",
            "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": f"http://127.0.0.1:{port}",
            "DATABASE_URL": database_url,
            "RAAD_VAR_DIR": str(tmp / "var"),
            "STATIC_ROOT": str(tmp / "static"),
            "EMAIL_BACKEND": "locmem",
            "SECURE_SSL_REDIRECT": "false",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "SECURE_HSTS_SECONDS": "0",
            "PUBLIC_FORM_RATE_LIMIT": RATE_LIMIT_FOR_THE_RUN,
            "PYTHONPATH": str(ROOT),
        }
    )
    return env


def _run(env: dict[str, str], *args: str, timeout: int = 900) -> None:
    began = time.monotonic()
    result = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}")
    logger.info("%s: %.1f s", " ".join(args[:3]), time.monotonic() - began)


def _warm_up(port: int, plan: Path, workers: int) -> None:
    """Each worker compiles its templates and URL patterns on its first requests: done before the measurement."""
    import urllib.request

    slug = json.loads(plan.read_text())["council"]
    paths = ["/", f"/raad/{slug}/", f"/raad/{slug}/moeder/", f"/raad/{slug}/skriv/", "/soeg/?q=integration"]
    paths += [f"/raad/{slug}/arrangementer/", f"/raad/{slug}/medlemmer/"]
    began = time.monotonic()

    def fetch(path: str) -> None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=120) as response:  # noqa: S310
                response.read()
        except OSError:
            pass  # measured later; the warm-up only compiles

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(fetch, paths * workers * 2))
    logger.info("warm-up: %.1f s", time.monotonic() - began)


def _wait_for_port(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            if process.poll() is not None:
                raise CannotStart(f"gunicorn exited with {process.returncode}") from None
            if time.monotonic() > deadline:
                raise CannotStart(f"gunicorn did not listen on {port} within {seconds} s") from None
            time.sleep(0.2)


def _popen(command: list[str], **kwargs) -> subprocess.Popen:
    try:
        return subprocess.Popen(command, **kwargs)
    except OSError as error:  # gunicorn or locust not installed
        raise CannotStart(f"{command[0]}: {error}") from error


def _stop(process: subprocess.Popen) -> None:
    terminate(process, wait=20)  # gunicorn finishes its requests


class Installation:
    """Råd served by gunicorn (production settings) on its own PostgreSQL with the demo data, for one or more
    loads; `installation()` builds it and takes it down."""

    def __init__(self, tmp: Path, server, env: dict[str, str], port: int, plan: Path, workers: int) -> None:
        self.tmp, self.server, self.env, self.port, self.plan, self.workers = tmp, server, env, port, plan, workers
        self.runs = 0

    def load(
        self,
        *,
        users: int,
        seconds: int,
        ramp: float = 10.0,
        fault_at: float | None = None,
        outage_seconds: float = 4.0,
        keep: Path | None = None,
        pace: str = "reading",
    ) -> Result:
        self.runs += 1
        here = self.tmp / f"run{self.runs}"
        here.mkdir()
        writes, log, stats = here / "writes.jsonl", here / "requests.jsonl", here / "stats"
        locust_env = dict(
            self.env, LOAD_PLAN=str(self.plan), LOAD_WRITES=str(writes), LOAD_LOG=str(log), LOAD_PACE=pace
        )
        rate = max(1.0, users / ramp)
        began = time.time()
        locust = _popen(
            [str(BIN / "locust"), "-f", str(HERE / "locustfile.py"), "--headless"]
            + ["--host", f"http://127.0.0.1:{self.port}", "-u", str(users), "-r", str(rate), "-t", f"{seconds}s"]
            + ["--csv", str(stats), "--only-summary", "--stop-timeout", "10", "--loglevel", "WARNING"],
            cwd=ROOT,
            env=locust_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        outage = Outage() if fault_at is not None else None
        fault_thread = None
        if outage is not None:

            def fault() -> None:
                time.sleep(fault_at)
                outage.stopped_at = time.time() - began
                self.server.halt("fast")
                logger.info("PostgreSQL stopped (pg_ctl stop -m fast) at %.1f s", outage.stopped_at)
                time.sleep(outage_seconds)
                self.server.resume()
                outage.started_at = time.time() - began
                logger.info("PostgreSQL started again at %.1f s", outage.started_at)

            fault_thread = threading.Thread(target=fault, daemon=True)
            fault_thread.start()
        output, _ = locust.communicate(timeout=seconds + 120)
        if fault_thread is not None:
            fault_thread.join(60)
        if locust.returncode not in (0, 1) or not Path(f"{stats}_stats.csv").exists():
            raise CannotStart(f"Locust exited with {locust.returncode}:\n{output[-4000:]}")
        result_path = here / "verified.json"
        _run(self.env, "-m", "benchmarks.load.django_side", "verify", str(writes), str(result_path), str(began))
        result = Result(
            users=users, seconds=seconds, workers=self.workers, pace=pace, ramp_seconds=users / rate, outage=outage
        )
        result.writes = json.loads(result_path.read_text())
        _read_stats(result, Path(f"{stats}_stats.csv"), log, began)
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            for path in [*here.iterdir(), self.plan, self.tmp / "gunicorn.log"]:
                if path.is_file():
                    shutil.copy(path, keep / path.name)
        return result


@contextlib.contextmanager
def installation(*, workers: int = 5, shared_cache: bool = False) -> Iterator[Installation]:
    from raad.testing.plugin import TemporaryPostgres

    tmp = Path(tempfile.mkdtemp(prefix="raad-load-"))
    server = TemporaryPostgres()
    gunicorn = None
    try:
        try:
            database_url = server.start()
        except Exception as error:  # initdb or pg_ctl missing or refusing
            raise CannotStart(f"PostgreSQL: {error}") from error
        import psycopg

        with psycopg.connect(host=str(server.socket_dir), dbname="postgres", user="postgres", autocommit=True) as c:
            c.execute("CREATE DATABASE raad")
        port = _free_port()
        env = _environment(tmp, database_url, port)
        if shared_cache:  # one cache for all workers (rate limits, kept pages), a table in the database
            env["RAAD_CACHE_URL"] = "db://raad_cache"
        with ThreadPoolExecutor(2) as pool:  # the static files need no database: both cores busy
            static = pool.submit(_run, env, "manage.py", "collectstatic", "--noinput", "-v", "0")
            _run(env, "manage.py", "migrate", "--noinput", "-v", "0")
            _run(env, "manage.py", "createcachetable")  # nothing to do without a database cache
            _run(env, "manage.py", "setup_council", "holbaek")
            _run(env, "manage.py", "load_demo")
            static.result()
        plan = tmp / "plan.json"
        _run(env, "-m", "benchmarks.load.django_side", "prepare", str(plan))
        gunicorn = _popen(
            [str(BIN / "gunicorn"), "raad.wsgi:application", "--bind", f"127.0.0.1:{port}"]
            + ["--workers", str(workers), "--preload", "--timeout", "60", "--graceful-timeout", "5"]
            + ["--log-level", "warning"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(tmp / "gunicorn.log", "w"),  # noqa: SIM115 (closed with the process)
        )
        _wait_for_port(port, gunicorn)
        _warm_up(port, plan, workers)
        yield Installation(tmp, server, env, port, plan, workers)
        if gunicorn.poll() is not None:
            raise RuntimeError(f"gunicorn exited during the run with {gunicorn.returncode}")
    finally:
        if gunicorn is not None:
            _stop(gunicorn)
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def run(*, users: int, seconds: int, workers: int = 5, shared_cache: bool = False, **load) -> Result:
    with installation(workers=workers, shared_cache=shared_cache) as site:
        return site.load(users=users, seconds=seconds, **load)


_QUANTILES = {"p50": 0.50, "p95": 0.95, "p99": 0.99}


def _read_stats(result: Result, stats_csv: Path, log: Path, began: float) -> None:
    with stats_csv.open() as handle:
        rows = list(csv.DictReader(handle))
    total = next(row for row in rows if row["Name"] == "Aggregated")
    result.requests = int(total["Request Count"])
    result.failures = int(total["Failure Count"])
    result.rps = float(total["Requests/s"])
    result.median_ms = float(total["50%"])
    result.p95_ms = float(total["95%"])
    result.p99_ms = float(total["99%"])
    result.slowest = sorted(
        ((row["Name"], float(row["95%"])) for row in rows if row["Name"] != "Aggregated"), key=lambda r: -r[1]
    )
    result.log = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    for entry in result.log:
        entry["t"] -= began  # seconds since the load began, as the outage's times
    statuses: dict[str, int] = {}
    for entry in result.log:
        statuses[str(entry["status"])] = statuses.get(str(entry["status"]), 0) + 1
        if entry["status"] == 503 and entry.get("outage_page"):
            result.unavailable += 1
        elif entry["status"] >= 500 or entry["status"] == 0:
            result.server_errors += 1
    result.statuses = statuses
    steady = sorted(entry["ms"] for entry in result.log if entry["t"] >= result.ramp_seconds)
    if steady:
        result.steady = {
            "requests": len(steady),
            **{name: steady[min(len(steady) - 1, int(len(steady) * q))] for name, q in _QUANTILES.items()},
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=600)
    parser.add_argument("--workers", type=int, default=5)
    parser.add_argument("--fault", type=float, default=None, help="stop PostgreSQL this many seconds into the load")
    parser.add_argument("--outage", type=float, default=4.0)
    parser.add_argument(
        "--ramp", type=float, default=60.0, help="start the users evenly over this many seconds (default 60)"
    )
    parser.add_argument(
        "--pace",
        choices=["reading", "stress"],
        default="reading",
        help="think times: reading (5-40 s, the goal's pace) or stress (1-8 s, finds the capacity)",
    )
    parser.add_argument("--keep", type=Path, default=None, help="copy the plan, writes and request log here")
    parser.add_argument(
        "--shared-cache", action="store_true", help="RAAD_CACHE_URL=db://raad_cache: one cache for all workers"
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    result = run(
        users=args.users,
        seconds=args.seconds,
        workers=args.workers,
        fault_at=args.fault,
        outage_seconds=args.outage,
        keep=args.keep,
        shared_cache=args.shared_cache,
        pace=args.pace,
        ramp=args.ramp,
    )
    logger.info(result.summary())
    ok = result.server_errors == 0 and result.lost_writes == 0 and result.doubled_writes == 0
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
