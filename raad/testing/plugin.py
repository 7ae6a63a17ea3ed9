"""Råd's pytest plugin: the test environment, and a real PostgreSQL when RAAD_TEST_DB=postgres.

Loaded with ``-p raad.testing.plugin`` (pyproject addopts), so it runs before pytest-django reads the
settings. It sets defaults (a variable already in the environment wins), except two things every run
must share with CI: DEBUG is always false, and the database is chosen by RAAD_TEST_DB alone:

- ``sqlite`` (default): DATABASE_URL is removed, so the settings' SQLite default is used (in memory);
- ``postgres``: a PostgreSQL 15 cluster in a temporary directory, listening on a Unix socket only;
  DATABASE_URL points at it, and it is stopped and removed when pytest ends. Without the server
  binaries a local run says so loudly and skips every test; with CI=true it fails;
- ``external``: DATABASE_URL is used as it is (pytest-django creates and drops ``test_<name>`` there).

``RAAD_TEST_TODAY=YYYY-MM-DD`` moves the clock of the whole session to that day (10:00 in Copenhagen) with
time-machine, ticking on from there, before Django is loaded: the suite then runs as it will on that day.
CI runs it at a few future dates (``make test-clock``) so that a date pinned in a test or in the demo
cannot turn the build red while nobody commits. docs/testing.md says more.

``RAAD_TEST_PG_SHARED_BUFFERS=2GB`` gives the PostgreSQL cluster that cache (``make bench`` for the search at a
million paragraphs; the default is PostgreSQL's own).
"""

from __future__ import annotations

import atexit
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

import pytest

PG_BIN = Path(os.environ.get("RAAD_PG_BIN", "/usr/lib/postgresql/15/bin"))
TEST_SECRET_KEY = "test-only-secret-key-for-the-raad-test-suite-never-use-in-production-0123456789"

_state: dict = {"warnings": [], "postgres": None, "var_dir": None, "skip_all": None, "traveller": None, "today": None}


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes", "on"}


def loud(message: str) -> None:
    """Print a message nobody can miss, now and again in the summary."""
    _state["warnings"].append(message)
    bar = "!" * 78
    sys.stderr.write(f"\n{bar}\n{message}\n{bar}\n\n")
    sys.stderr.flush()


def _set_environment() -> None:
    var_dir = Path(tempfile.mkdtemp(prefix="raad-test-var-"))
    (var_dir / "static").mkdir()  # STATIC_ROOT: WhiteNoise warns when it does not exist
    _state["var_dir"] = var_dir
    atexit.register(shutil.rmtree, var_dir, ignore_errors=True)  # also when pytest stops before unconfigure
    defaults = {
        "DJANGO_SETTINGS_MODULE": "raad.settings",
        "SECRET_KEY": TEST_SECRET_KEY,
        "ALLOWED_HOSTS": "*",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SECURE_HSTS_SECONDS": "0",
        "EMAIL_BACKEND": "locmem",
        "SITE_URL": "https://raad.test",
        # Tests write through the ORM and roll back (journal ids reused): the page cache is on only where a test
        # turns it on (raad/core/tests/test_pagecache.py).
        "PUBLIC_PAGE_CACHE_SECONDS": "0",
        # Playwright's sync API keeps an event loop in the main thread; Django's async-safety check
        # would otherwise refuse database access in tests that use the browser.
        "DJANGO_ALLOW_ASYNC_UNSAFE": "true",
    }
    for name, value in defaults.items():
        os.environ.setdefault(name, value)
    os.environ["DEBUG"] = "false"  # tests run the production code paths, whatever the shell exported
    # Files the tests write (uploads, generated documents) never land in a developer's real var/.
    os.environ["RAAD_VAR_DIR"] = str(var_dir)
    os.environ.pop("MEDIA_ROOT", None)
    os.environ.pop("STATIC_ROOT", None)


def _travel_to_test_today() -> None:
    """Start the session on RAAD_TEST_TODAY (10:00 Copenhagen time), the clock ticking from there."""
    value = os.environ.get("RAAD_TEST_TODAY", "").strip()
    if not value:
        return
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise pytest.UsageError(f"RAAD_TEST_TODAY must be a date like 2027-06-01, got {value!r}") from None
    from zoneinfo import ZoneInfo

    import time_machine

    moment = datetime.datetime.combine(day, datetime.time(10), tzinfo=ZoneInfo("Europe/Copenhagen"))
    traveller = time_machine.travel(moment, tick=True)
    traveller.start()
    _state["traveller"] = traveller
    _state["today"] = day


class TemporaryPostgres:
    """A throw-away PostgreSQL cluster in a temporary directory, reachable only through a Unix socket."""

    def __init__(self, bin_dir: Path = PG_BIN) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="raad-test-pg-"))
        self.data = self.root / "data"
        self.socket_dir = self.root / "socket"
        self.log = self.root / "server.log"
        self.as_root = os.geteuid() == 0
        self.started = False

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        command = list(args)
        if self.as_root:  # initdb and the server refuse to run as root
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)

    def start(self) -> str:
        self.socket_dir.mkdir()
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")
            shutil.chown(self.socket_dir, "postgres", "postgres")
        result = self._run(
            str(self.bin_dir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        if result.returncode != 0:
            raise RuntimeError(f"initdb failed:\n{result.stdout}\n{result.stderr}")
        options = (
            f"-c listen_addresses='' -c unix_socket_directories='{self.socket_dir}' -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
        )
        if shared_buffers := os.environ.get("RAAD_TEST_PG_SHARED_BUFFERS", "").strip():
            # a benchmark sizes the server's cache as production would for its data (make bench; the tests keep
            # PostgreSQL's default)
            if not re.fullmatch(r"[0-9]{1,6}(kB|MB|GB)", shared_buffers):
                raise RuntimeError(f"RAAD_TEST_PG_SHARED_BUFFERS must be like 2GB, got {shared_buffers!r}")
            options += f" -c shared_buffers={shared_buffers}"
        self.options = options
        self.resume()
        return f"postgres://postgres@{quote(str(self.socket_dir), safe='')}/raad"

    def resume(self) -> None:
        """Start the server (again, after `halt`), with the options of the first start."""
        result = self._run(
            str(self.bin_dir / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            self.options,
            "-w",
            "-t",
            "60",
            "start",
        )
        if result.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"pg_ctl start failed:\n{result.stdout}\n{result.stderr}\n{log}")
        self.started = True

    def halt(self, mode: str = "fast") -> None:
        """Stop the server and keep its data (the load test's database fault: `pg_ctl stop -m fast`)."""
        result = self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")
        if result.returncode != 0:
            raise RuntimeError(f"pg_ctl stop failed:\n{result.stdout}\n{result.stderr}")

    def stop(self) -> None:
        if self.started:
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
            self.started = False
        shutil.rmtree(self.root, ignore_errors=True)


def _start_postgres() -> None:
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return  # the controller started the server; DATABASE_URL is inherited
    missing = [name for name in ("initdb", "pg_ctl", "postgres") if not (PG_BIN / name).exists()]
    if missing:
        message = (
            f"RAAD_TEST_DB=postgres, but the PostgreSQL server is not installed ({', '.join(missing)} missing "
            f"in {PG_BIN}). Install it (Debian: apt-get install postgresql) or run .ci/run."
        )
        if in_ci():
            raise pytest.UsageError(f"CI=true: {message}")
        loud(f"SKIPPING THE WHOLE POSTGRESQL RUN: {message}")
        _state["skip_all"] = "PostgreSQL server not installed (see the message at the top)"
        return
    server = TemporaryPostgres()
    try:
        url = server.start()
    except Exception:
        server.stop()
        raise
    _state["postgres"] = server
    atexit.register(server.stop)
    os.environ["DATABASE_URL"] = url


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args):
    # A wrapper runs before every plain implementation, pytest-django's (which reads the settings) included.
    _set_environment()
    _travel_to_test_today()
    database = os.environ.get("RAAD_TEST_DB", "sqlite").strip().lower()
    if database in {"postgres", "postgresql"}:
        _start_postgres()
    elif database == "sqlite":
        os.environ.pop("DATABASE_URL", None)
    elif database != "external":
        raise pytest.UsageError(f"RAAD_TEST_DB must be sqlite, postgres or external, got {database!r}")
    return (yield)


@pytest.fixture(scope="session", autouse=True)
def _raad_plain_static_storage(django_test_environment):
    """Serve static files from the apps' folders, without `collectstatic`.

    With DEBUG=false the settings use WhiteNoise's CompressedManifestStaticFilesStorage, whose `{% static %}`
    needs a manifest built by collectstatic. Tests use the plain storage instead; live_server serves the files
    through Django's StaticFilesHandler (the same finders runserver uses).
    """
    from django.conf import settings
    from django.test.utils import override_settings

    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    override = override_settings(STORAGES=storages)
    override.enable()
    yield
    override.disable()


@pytest.fixture(scope="session", autouse=True)
def _raad_flush_past_append_only_journal():
    """Let transactional tests (live_server, browser) empty the database between tests.

    The audit journal is append-only down to database triggers (core migration 0002), so Django's `flush`
    after a transactional test is refused. Only here, in the test process, a flush lifts those triggers,
    empties the tables and puts the triggers back in the same transaction. The application never flushes.
    """
    from importlib import import_module

    from django.db import transaction
    from django.db.backends.base.operations import BaseDatabaseOperations

    triggers = import_module("raad.core.migrations.0002_audit_journal_append_only")
    lift = {"sqlite": triggers.SQLITE_DOWN, "postgresql": triggers.POSTGRES_DOWN}
    restore = {"sqlite": triggers.SQLITE_UP, "postgresql": triggers.POSTGRES_UP}
    original = BaseDatabaseOperations.execute_sql_flush

    def execute_sql_flush(self, sql_list):
        vendor = self.connection.vendor
        if not any("core_auditentry" in statement for statement in sql_list) or vendor not in lift:
            return original(self, sql_list)
        with transaction.atomic(using=self.connection.alias):
            with self.connection.cursor() as cursor:
                for statement in lift[vendor]:
                    cursor.execute(statement)
            original(self, sql_list)
            with self.connection.cursor() as cursor:
                for statement in restore[vendor]:
                    cursor.execute(statement)

    BaseDatabaseOperations.execute_sql_flush = execute_sql_flush
    yield
    BaseDatabaseOperations.execute_sql_flush = original


@pytest.fixture
def on_the_demo_day(request):
    """Thursday 26 November 2026, 12:00 in Copenhagen, the clock ticking: the day the demo story is written
    for (raad/councils/demo.py REFERENCE_DAY). For tests that pin dates of the demo story ("resigned on
    1 November 2026"): with it they pass whatever today is. Browser tests keep the real clock (the browser's
    own clock cannot travel, and its cookies would expire), so it does nothing for them."""
    if request.node.get_closest_marker("browser"):
        yield None
        return
    from zoneinfo import ZoneInfo

    import time_machine

    from raad.councils.demo import REFERENCE_DAY

    moment = datetime.datetime.combine(REFERENCE_DAY, datetime.time(12), tzinfo=ZoneInfo("Europe/Copenhagen"))
    with time_machine.travel(moment, tick=True) as traveller:
        yield traveller


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: runs in headless Chromium against the live server")
    config.addinivalue_line("markers", "smtp: talks to a real SMTP server process")


def pytest_report_header(config):
    database = "PostgreSQL (temporary cluster)" if _state["postgres"] else os.environ.get("DATABASE_URL", "SQLite")
    if "@" in database:
        database = database.split("://", 1)[0] + "://…@" + database.rsplit("@", 1)[1]  # no password in the log
    if _state["skip_all"]:
        database = "none: " + _state["skip_all"]
    lines = [f"raad: database {database}; CI={'true' if in_ci() else 'false'}"]
    if _state["today"] is not None:
        lines.append(f"raad: the clock is moved to {_state['today'].isoformat()} (RAAD_TEST_TODAY)")
    return lines


def pytest_collection_modifyitems(config, items):
    if _state["skip_all"]:
        marker = pytest.mark.skip(reason=_state["skip_all"])
        for item in items:
            item.add_marker(marker)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    for message in _state["warnings"]:
        terminalreporter.write_sep("!", "raad: attention", red=True, bold=True)
        terminalreporter.write_line(message, red=True, bold=True)


def pytest_unconfigure(config):
    traveller = _state["traveller"]
    if traveller is not None:
        traveller.stop()
        _state["traveller"] = None
    server = _state["postgres"]
    if server is not None:
        server.stop()
        _state["postgres"] = None
    var_dir = _state["var_dir"]
    if var_dir is not None:
        shutil.rmtree(var_dir, ignore_errors=True)
        _state["var_dir"] = None
