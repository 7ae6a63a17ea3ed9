"""Fuzz the REST API and OParl over HTTP against a real gunicorn with the demo data (`make bench`).

    .venv/bin/python benchmarks/fuzz_api.py            # at least 10,000 REST requests plus 3,000 OParl requests
    RAAD_FUZZ_REQUESTS=2000 RAAD_FUZZ_OPARL=500 .venv/bin/python benchmarks/fuzz_api.py     # a shorter run

The script builds a throwaway installation in a temporary directory (SQLite, `migrate`, `setup_council holbaek`,
`load_demo`, `collectstatic`; DEBUG off, as in production), starts gunicorn on a free loopback port with two
workers, and then:

- REST: schemathesis reads /api/openapi.json from the server and generates requests for every operation, in
  both its positive (what the document allows) and negative (what it forbids: wrong types, out of range,
  malformed) modes, round after round until the number of requests is reached. Positive cases also run
  schemathesis's conformance checks; what they report is printed as findings.
- OParl (no OpenAPI document; the schemas in oparl_schema/ describe objects, not requests): every route with
  real ids (read from the lists), random and huge ids, and random query parameters, known (page, limit,
  created_since … with valid and invalid values) and unknown. Objects answered with 200 are validated
  against the official OParl 1.1 schemas.

Fails (exit 1) on any answer >= 500. The figures go in docs/benchmarks.md ("Fuzzing the API over HTTP").
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from raad.testing.cli import command_logger  # noqa: E402

LOG = command_logger("benchmarks.fuzz_api")  # the run's figures and findings, on stdout

PY = sys.executable
GUNICORN = str(Path(PY).with_name("gunicorn"))
REST_TARGET = int(os.environ.get("RAAD_FUZZ_REQUESTS", "10000"))
OPARL_TARGET = int(os.environ.get("RAAD_FUZZ_OPARL", "3000"))
SEED = int(os.environ.get("RAAD_FUZZ_SEED", "15"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(var_dir: Path, port: int) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "raad.settings",
        "DEBUG": "false",
        "SECRET_KEY": "fuzz-bench-" + "x" * 60,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "RAAD_VAR_DIR": str(var_dir),
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "EMAIL_BACKEND": "locmem",
        "LOG_LEVEL": "ERROR",
    }


def prepare(env: dict[str, str]) -> None:
    for command in (
        ["migrate", "--noinput", "-v", "0"],
        ["setup_council", "holbaek"],
        ["load_demo"],
        ["collectstatic", "--noinput", "-v", "0"],
    ):
        subprocess.run([PY, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def start_server(env: dict[str, str], port: int, log: Path) -> subprocess.Popen:
    server = subprocess.Popen(
        [GUNICORN, "raad.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--timeout", "60"],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    for _ in range(200):
        try:
            if requests.get(f"http://127.0.0.1:{port}/api/openapi.json", timeout=30).status_code == 200:
                return server
        except requests.RequestException:
            pass
        if server.poll() is not None:
            break
        time.sleep(0.1)
    server.terminate()
    raise SystemExit(f"gunicorn did not start; its log: {log}")


def fuzz_rest(base: str, session: requests.Session) -> tuple[int, list[str], list[str]]:
    import schemathesis
    from hypothesis import HealthCheck, given, settings
    from hypothesis.errors import Unsatisfiable
    from schemathesis import GenerationMode
    from schemathesis.checks import not_a_server_error

    schema = schemathesis.openapi.from_url(base + "/api/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    count = 0
    errors: list[str] = []
    findings: list[str] = []

    def run(operation, mode, examples: int) -> None:
        @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(generation_mode=mode))
        def call(case):
            nonlocal count
            response = case.call(base_url=base, session=session)
            count += 1
            if response.status_code >= 500:
                errors.append(f"{response.status_code} {response.request.url}")
                return
            if mode is GenerationMode.POSITIVE:
                try:
                    case.validate_response(response, excluded_checks=[not_a_server_error])
                except (Exception, BaseExceptionGroup) as failure:  # a conformance finding: recorded, not fatal
                    titles = {
                        getattr(one, "title", type(one).__name__) for one in getattr(failure, "exceptions", [failure])
                    }
                    findings.append(f"{operation.label}: {', '.join(sorted(titles))} ({response.status_code})")

        with contextlib.suppress(Unsatisfiable):  # an operation without parameters has no invalid request
            call()

    rounds = 0
    while count < REST_TARGET:
        rounds += 1
        per_case = max(50, (REST_TARGET - count) // (2 * len(operations)) + 1)
        for operation in operations:
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                run(operation, mode, per_case)
    LOG.info(f"REST: {len(operations)} operations, {rounds} round(s)")
    return count, errors, findings


def oparl_validators():
    import django

    django.setup()
    from raad.api.tests.test_oparl_walk import _validators  # the official schemas, loaded as the suite does

    return _validators()


def fuzz_oparl(base: str, session: requests.Session) -> tuple[int, list[str], list[str]]:
    rng = random.Random(SEED)
    validators = oparl_validators()
    system = session.get(base + "/oparl/").json()
    ids: dict[str, set[int]] = {}
    routes = [
        "body/{}/",
        "body/{}/organization/",
        "body/{}/person/",
        "body/{}/membership/",
        "body/{}/meeting/",
        "body/{}/agendaitem/",
        "body/{}/paper/",
        "body/{}/consultation/",
        "body/{}/file/",
        "body/{}/location/",
        "body/{}/legislativeterm/",
        "organization/council/{}/",
        "organization/council/{}/meeting/",
        "organization/committee/{}/",
        "person/{}/",
        "membership/{}/",
        "meeting/{}/",
        "agendaitem/{}/",
        "paper/{}/",
        "consultation/{}/",
        "file/agenda/{}/",
        "file/minutes/{}/",
        "file/attachment/{}/",
        "file/letter/{}/",
        "file/document/{}/",
        "location/room/{}/",
        "location/meeting/{}/",
        "legislativeterm/{}/",
    ]
    # Real ids: the bodies, and every object the first page of each of their lists names.
    for body in session.get(system["body"]).json()["data"]:
        ids.setdefault("body", set()).add(int(body["id"].rstrip("/").rsplit("/", 1)[1]))
        for key in ("organization", "person", "meeting", "paper", "legislativeTerm", "agendaItem", "file"):
            if isinstance(body.get(key), str):
                for item in session.get(body[key]).json().get("data", []):
                    prefix, _, number = item["id"].split("/oparl/", 1)[1].rstrip("/").rpartition("/")
                    ids.setdefault(prefix, set()).add(int(number))
    known = {prefix: sorted(found) for prefix, found in ids.items()}
    moments = ["2020-01-01T00:00:00+01:00", "2020-01-01", "2026-13-45T25:61:00", "i går", "", "9" * 40, "\x00"]
    words = ["", "0", "-1", "1", "2", "999999999", "1" * 30, "true", "false", "abc", "1.5", "\x00", "٣", "\u202e1"]

    def an_id(route: str) -> str:
        real = known.get(route.split("/{}")[0], [])
        if real and rng.random() < 0.5:
            return str(rng.choice(real))
        return str(rng.choice([0, 1, 2, 7, 10**6, 2**31, 2**63, 10**30]))

    def a_query() -> dict[str, str]:
        query: dict[str, str] = {}
        for _ in range(rng.randint(0, 3)):
            name = rng.choice(
                ["page", "limit", "omit_internal", "created_since", "created_until", "modified_since"]
                + ["modified_until", "q", "id", "\u00e6\u00f8\u00e5"]
            )
            query[name] = rng.choice(moments if name.endswith(("since", "until")) else words)
        return query

    count = 0
    errors: list[str] = []
    findings: list[str] = []
    while count < OPARL_TARGET:
        route = rng.choice(routes)
        url = base + "/oparl/" + route.format(an_id(route))
        response = session.get(url, params=a_query())
        count += 1
        if response.status_code >= 500:
            errors.append(f"{response.status_code} {response.request.url}")
            continue
        if response.status_code == 200 and "data" not in (body := response.json()):
            validator = validators.get(body.get("type"))
            problems = [error.message for error in validator.iter_errors(body)] if validator else ["unknown type"]
            findings.extend(f"{route}: {problem[:200]}" for problem in problems)
    return count, errors, findings


def main() -> int:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a stopped run still stops its gunicorn (finally)
    with tempfile.TemporaryDirectory(prefix="raad-fuzz-") as tmp:
        var_dir = Path(tmp)
        port = free_port()
        env = environment(var_dir, port)
        started = time.monotonic()
        prepare(env)
        prepared = time.monotonic() - started
        os.environ.update(env)  # this process reads the OParl schemas through Django too
        server = start_server(env, port, var_dir / "gunicorn.log")
        base = f"http://127.0.0.1:{port}"
        try:
            session = requests.Session()
            started = time.monotonic()
            rest_count, rest_errors, rest_findings = fuzz_rest(base, session)
            rest_seconds = time.monotonic() - started
            started = time.monotonic()
            oparl_count, oparl_errors, oparl_findings = fuzz_oparl(base, session)
            oparl_seconds = time.monotonic() - started
        finally:
            server.terminate()
            server.wait(timeout=30)
        log = (var_dir / "gunicorn.log").read_text()
    LOG.info(f"machine: {platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    LOG.info(f"installation prepared in {prepared:.0f} s (migrate, demo data, static files)")
    for name, count, seconds, errors, findings in (
        ("REST (schemathesis)", rest_count, rest_seconds, rest_errors, rest_findings),
        ("OParl", oparl_count, oparl_seconds, oparl_errors, oparl_findings),
    ):
        LOG.info(f"{name}: {count} requests in {seconds:.0f} s ({count / seconds:.0f}/s), {len(errors)} server errors")
        for error in sorted(set(errors))[:20]:
            LOG.warning("   server error: %s", error)
        for finding, times in Counter(findings).most_common(20):
            LOG.info(f"   finding ({times}×): {finding}")
    if "Traceback" in log:
        LOG.warning("gunicorn's log has a traceback:\n%s", log[-3000:])
    failed = bool(rest_errors or oparl_errors)
    LOG.info(json.dumps({"rest": rest_count, "oparl": oparl_count, "server_errors": len(rest_errors + oparl_errors)}))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
