"""Pages side by side at a tier of generated data, served by gunicorn on PostgreSQL (issue 15; `make bench`).

For a tier it starts a PostgreSQL 15 cluster of its own (Unix socket, loopback only), migrates, builds the data
with `manage.py generate_scale`, collects the static files, makes one secretariat login and one member login
for the first generated council, starts gunicorn in production mode (DEBUG=false, manifest static files) and
requests each public page, each API endpoint (REST and OParl) and the main workspace pages over HTTP, N times
after a warm-up, interleaved with the FLOOR (`/sundhed/`, a view that answers without touching the database) so
that the machine's load falls on both alike. It prints a markdown table: p50, p95, bytes and p95 / floor p95.
It also times the agenda packet PDF of a 50-item meeting on the same server.

    .venv/bin/python -m benchmarks.scale_bench --tier demo
    .venv/bin/python -m benchmarks.scale_bench --tier 100x
    .venv/bin/python -m benchmarks.scale_bench --tier denmark --no-index --keep /tmp/raad-dk    # build, keep
    .venv/bin/python -m benchmarks.scale_bench --reuse /tmp/raad-dk                             # measure again

`--keep DIR` keeps the cluster (and the static files) in DIR after the run; `--reuse DIR` measures on a cluster
kept so, without building. A build stopped half way (Ctrl+C, or SIGTERM to the `generate_scale` process when it
runs in the background, which ignores SIGINT) keeps the municipalities it finished: each is one transaction.
`--compare-built` measures the anonymous pages a second time on a server with the page cache off
(PUBLIC_PAGE_CACHE_SECONDS=0, raad.core.pagecache): what building each page costs. `--budget S` stops sampling a URL after S seconds (at least 5 requests); a URL with no answer in 60 s is marked
so and not sampled. `--groups public` measures only the public pages (or "REST API", "OParl", "workspace"):
with `--requests 300` a steadier p95 of the kept pages in about two minutes. Figures and the run's conditions: docs/benchmarks.md. The worker memory during an archive export is measured by benchmarks/test_archive_export.py.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

from raad.testing.cli import command_logger
from raad.testing.processes import terminate
from raad.testing.scale.pages import urls

LOG = command_logger("benchmarks.scale_bench")  # tables on stdout, per-URL progress on stderr

ROOT = Path(__file__).resolve().parents[1]
PG_BIN = Path(os.environ.get("RAAD_PG_BIN", "/usr/lib/postgresql/15/bin"))
GUNICORN = Path(sys.executable).parent / "gunicorn"
HOST = "raad.bench.invalid"


# ------------------------------------------------------------------------------------------ PostgreSQL


class Cluster:
    """A PostgreSQL cluster in `root` (made if missing), reachable only through a Unix socket in it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "data"
        self.socket_dir = root / "socket"
        self.log = root / "server.log"
        self.as_root = os.geteuid() == 0

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = list(args)
        if self.as_root:  # initdb and the server refuse to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600)
        if check and result.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    @property
    def url(self) -> str:
        return f"postgres://postgres@{quote(str(self.socket_dir), safe='')}/raad"

    def start(self) -> None:
        fresh = not self.data.exists()
        self.socket_dir.mkdir(parents=True, exist_ok=True)
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")
            shutil.chown(self.socket_dir, "postgres", "postgres")
        if fresh:
            self._run(
                str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
                "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
            )  # fmt: skip
        # Durable writes off (a benchmark cluster, rebuilt at will); a cache sized as production would for the data.
        options = (
            f"-c listen_addresses='' -c unix_socket_directories='{self.socket_dir}' -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50 "
            f"-c shared_buffers={os.environ.get('RAAD_BENCH_PG_SHARED_BUFFERS', '2GB')}"
        )
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")
        if fresh:
            self._run(str(PG_BIN / "createdb"), "-h", str(self.socket_dir), "-U", "postgres", "raad")

    def stop(self) -> None:
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)


# ------------------------------------------------------------------------------------------ the installation


def production_env(cluster: Cluster, work: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SECURE_", "SESSION_", "CSRF_", "RAAD_", "DJANGO_", "STATIC_", "MEDIA_"))
        and k not in {"DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "SITE_URL", "EMAIL_BACKEND", "DEBUG"}
    }
    env.update(
        {
            "DEBUG": "false",
            "SECRET_KEY": "bench-only-7Qw#e9Rt2Yu4Io6Pa8Sd0Fg1Hj3Kl5Zx7Cv9Bn2Mm4Nq6Wr8Ts0Yv",
            "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
            "SITE_URL": f"https://{HOST}",
            "DJANGO_SETTINGS_MODULE": "raad.settings",
            "RAAD_VAR_DIR": str(work / "var"),
            "STATIC_ROOT": str(work / "static"),
            "DATABASE_URL": cluster.url,
            "EMAIL_BACKEND": "console",
            "BEHIND_TLS_PROXY": "true",
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def build(env: dict[str, str], args: argparse.Namespace) -> None:
    started = time.monotonic()
    manage(env, "migrate", "--noinput", "-v", "0")
    command = [sys.executable, "manage.py", "generate_scale", "--tier", args.tier]
    if args.fraction:
        command += ["--fraction", str(args.fraction)]
    if args.no_index:
        command.append("--no-index")
    LOG.info(f"# {' '.join(command[1:])}")
    # streamed: a long build shows each municipality as it is written
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    LOG.info(f"# built in {time.monotonic() - started:.0f} s")


# ------------------------------------------------------------------------------------------ measuring

FLOOR = "/sundhed/"
TIMEOUT = 60


class Client:
    def __init__(self, base: str, cookies: dict[str, str]) -> None:
        self.base = base
        self.cookies = cookies

    def get(self, path: str, who: str = "anonymous") -> tuple[int, int, float]:
        headers = {"Host": HOST, "X-Forwarded-Proto": "https", "Accept-Encoding": "identity"}
        if who in self.cookies:
            headers["Cookie"] = self.cookies[who]
        request = urllib.request.Request(self.base + path, headers=headers)
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 (loopback)
                body = response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            body, status = error.read(), error.code
        except TimeoutError:
            return 0, 0, TIMEOUT  # status 0: no answer within TIMEOUT seconds
        return status, len(body), time.perf_counter() - started


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18] if len(values) > 1 else values[0]


def serve(env: dict[str, str], work: Path, workers: int) -> tuple[subprocess.Popen, str]:
    manage(env, "collectstatic", "--noinput", "-v", "0")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [str(GUNICORN), "raad.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--timeout", "300", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=open(work / "gunicorn.log", "w"), stderr=subprocess.STDOUT,  # noqa: SIM115
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server, f"http://127.0.0.1:{port}"
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start: see " + str(work / "gunicorn.log")) from None
            time.sleep(0.2)


def counts(env: dict[str, str]) -> str:
    out = subprocess.run(
        [str(PG_BIN / "psql"), env["DATABASE_URL"], "-At", "-c",
         "select (select count(*) from councils_municipality), (select count(*) from councils_council), "
         "(select count(*) from meetings_meeting), (select count(*) from meetings_agendaitem), "
         "(select count(*) from statements_statement), "
         "pg_size_pretty(pg_database_size('raad'))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip().split("|")  # fmt: skip
    return (
        f"{int(out[0]):,} municipalities, {int(out[1]):,} councils, {int(out[2]):,} meetings, "
        f"{int(out[3]):,} agenda items, {int(out[4]):,} statements; database {out[5]}"
    )


def sample(client: Client, targets: list[tuple[str, str, str]], args: argparse.Namespace, floor: list[float]) -> list:
    """Each URL: 3 warm-up requests, then up to `args.requests` timed ones, each after one to the floor."""
    rows = []
    for group, who, path in targets:
        times, size, status = [], 0, 0
        for _ in range(3):  # warm-up: the workers' imports, caches, PostgreSQL's buffers
            status, size, seconds = client.get(path, who)
            client.get(FLOOR)
            if status == 0:
                break
        if status == 0:  # no answer within TIMEOUT: recorded as such, not sampled
            rows.append((group, who, path, status, size, 0, TIMEOUT, TIMEOUT))
            LOG.warning(f"  {path} ({who}): no answer in {TIMEOUT} s")
            continue
        budget = time.monotonic() + args.budget
        for _ in range(args.requests):
            floor.append(client.get(FLOOR)[2])  # interleaved: the machine's load falls on both alike
            status, size, seconds = client.get(path, who)
            times.append(seconds)
            if len(times) >= 5 and time.monotonic() > budget:
                break  # a page of seconds: fewer samples (the table says how many)
        rows.append((group, who, path, status, size, len(times), statistics.median(times), p95(times)))
        LOG.warning(f"  {path} ({who}): {status} {p95(times) * 1000:.1f} ms")
    return rows


def measure_tier(env: dict[str, str], work: Path, args: argparse.Namespace) -> int:
    setup = subprocess.run(
        [sys.executable, "-m", "benchmarks.scale_setup"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if setup.returncode != 0:
        raise RuntimeError(f"benchmarks.scale_setup failed:\n{setup.stdout}\n{setup.stderr}")
    ids = json.loads(setup.stdout.strip().splitlines()[-1])
    cookies = {who: f"{ids['cookie']}={ids[who]}" for who in ("secretary", "member")}
    cookies["secretariat"] = cookies.pop("secretary")
    targets = [target for target in urls(ids) if not args.groups or target[0] in args.groups]
    server, base = serve(env, work, args.workers)
    floor: list[float] = []
    try:
        client = Client(base, cookies)
        rows = sample(client, targets, args, floor)
        packet = f"/arbejdsrum/{ids['slug']}/moeder/{ids['packet_meeting']}/dagsorden.pdf"
        client.get(packet, "member")
        packet_runs = [client.get(packet, "member") for _ in range(max(5, args.requests // 6))]
    finally:
        terminate(server, wait=30)  # a worker may still be busy with a request the client gave up on
    built: dict[tuple[str, str], tuple] = {}
    built_floor: list[float] = []
    if args.compare_built:
        # The same anonymous pages again with the page cache off: what building each page costs (a first visit,
        # or the first after a change), against the floor of this second server.
        server, base = serve({**env, "PUBLIC_PAGE_CACHE_SECONDS": "0"}, work, args.workers)
        try:
            anonymous = [target for target in targets if target[1] == "anonymous"]
            for row in sample(Client(base, cookies), anonymous, args, built_floor):
                built[(row[1], row[2])] = row
        finally:
            terminate(server, wait=30)
    floor_p95 = p95(floor)
    cache_seconds = env.get("PUBLIC_PAGE_CACHE_SECONDS", "60 (the default)")
    lines = [
        f"### Tier `{args.tier}`{f' --fraction {args.fraction}' if args.fraction else ''}: {counts(env)}",
        "",
        f"gunicorn {args.workers} sync workers, DEBUG=false, PostgreSQL 15, PUBLIC_PAGE_CACHE_SECONDS={cache_seconds}; "
        f"{args.requests} requests a URL after 3 warm-up requests, interleaved with the floor `{FLOOR}` "
        f"({len(floor)} requests: p50 {statistics.median(floor) * 1000:.1f} ms, p95 {floor_p95 * 1000:.1f} ms).",
    ]
    header = "| group | as | URL | status | bytes | n | p50 ms | p95 ms | p95 / floor p95 |"
    if built:
        built_p95 = p95(built_floor)
        lines.append(
            f'Columns "built": the anonymous pages again on a second server with the page cache off '
            f"(PUBLIC_PAGE_CACHE_SECONDS=0), against its own floor ({len(built_floor)} requests: p50 "
            f"{statistics.median(built_floor) * 1000:.1f} ms, p95 {built_p95 * 1000:.1f} ms)."
        )
        header += " built p50 ms | built p95 ms | built p95 / floor p95 |"
    lines += ["", header, "|" + "---|" * (header.count("|") - 1)]
    slug = ids["slug"]
    for group, who, path, status, size, n, p50, p95_ in rows:
        shown = path.replace(slug, "{slug}")
        line = (
            f"| {group} | {who} | `{shown}` | {status or f'none in {TIMEOUT} s'} | {size:,} | {n} | {p50 * 1000:.1f} | "
            f"{p95_ * 1000:.1f} | {p95_ / floor_p95:.1f} |"
        )
        if built:
            other = built.get((who, path))
            line += (
                f" {other[6] * 1000:.1f} | {other[7] * 1000:.1f} | {other[7] / built_p95:.1f} |" if other else " | | |"
            )
        lines.append(line)
    seconds = [s for _, _, s in packet_runs]
    lines += [
        "",
        f"Agenda packet of a {50}-item meeting (`{packet.replace(slug, '{slug}')}`, as the member, "
        f"{len(seconds)} requests): status {packet_runs[-1][0]}, {packet_runs[-1][1]:,} bytes, p50 "
        f"{statistics.median(seconds):.2f} s, max {max(seconds):.2f} s (goal ≤ 3 s).",
        "",
    ]
    table = "\n".join(lines)
    LOG.info(table)
    if args.out:
        args.out.write_text(table)
    return 0


# ------------------------------------------------------------------------------------------ the run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tier", default="demo", choices=("demo", "100x", "denmark"))
    parser.add_argument("--fraction", type=float)
    parser.add_argument("--no-index", action="store_true")
    parser.add_argument("--requests", type=int, default=int(os.environ.get("RAAD_BENCH_REQUESTS", "30")))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--budget", type=float, default=60, help="seconds a URL; past it, at least 5 requests")
    parser.add_argument("--keep", type=Path, help="keep the cluster in this directory after the run")
    parser.add_argument("--reuse", type=Path, help="measure on a cluster kept with --keep (no build)")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--out", type=Path, help="also write the markdown table to this file")
    parser.add_argument(
        "--groups",
        type=lambda text: [group.strip() for group in text.split(",")],
        help='measure only these groups of URLs, comma-separated: "public", "REST API", "OParl", "workspace"',
    )
    parser.add_argument(
        "--compare-built", action="store_true", help="measure the anonymous pages again with the page cache off"
    )
    args = parser.parse_args(argv)
    work = args.reuse or args.keep or Path(tempfile.mkdtemp(prefix="raad-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    cluster = Cluster(work)
    cluster.start()
    try:
        env = production_env(cluster, work)
        if not args.reuse:
            build(env, args)
        if args.build_only:
            return 0
        return measure_tier(env, work, args)
    finally:
        cluster.stop()
        if not (args.keep or args.reuse):
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
