"""Fixtures shared by every test of Råd. The environment is set by raad/testing/plugin.py; docs/testing.md
explains the whole tool chain."""

from __future__ import annotations

import email
import email.policy
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from raad.testing.axe import format_violations, run_axe
from raad.testing.plugin import in_ci, loud
from raad.testing.processes import terminate

ROOT = Path(__file__).resolve().parent
CHROMIUM = Path(os.environ.get("RAAD_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# ---------------------------------------------------------------------------------------------- data


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the public forms' rate limits (raad.core.ratelimit) count there."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def holbaek(db):
    """Integrationsrådet i Holbæk Kommune, set up from the shipped preset."""
    from raad.testing.cast import make_council

    return make_council()


@pytest.fixture
def cast(db):
    """The named cast (raad/testing/cast.py): Holbæk's council, the secretariat Camilla Holt, the board's liaison
    Henrik Bach, the citizen Mariam Khalil and ten members, Amina Yusuf (chair) first."""
    from raad.testing.cast import build_cast

    return build_cast(members=10)


@pytest.fixture
def demo_data(db):
    """The full demo data set (`manage.py load_demo`): the council, 15 members and the demo logins.
    Built by the command once per session and copied after that (raad/testing/demo_snapshot.py).

    In a test that uses `live_server` the database is transactional, so the live server sees this data.
    """
    from raad.councils.models import Council
    from raad.membership.demo import DEMO_PASSWORD
    from raad.testing.demo_snapshot import load_demo

    load_demo()  # the real command once per session, then an exact copy of what it wrote (demo_snapshot.py)
    return {"council": Council.objects.get(slug="integrationsraadet"), "password": DEMO_PASSWORD}


# ------------------------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright; one per test session."""
    if not CHROMIUM.exists():
        message = f"Chromium is not installed ({CHROMIUM} missing): browser tests cannot run. apt-get install chromium"
        if in_ci():
            pytest.fail(f"CI=true: {message}", pytrace=False)
        loud(f"SKIPPING BROWSER TESTS: {message}")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


ARTIFACTS = ROOT / "test-artifacts"


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.raad_call_failed = report.failed
    return report


@pytest.fixture
def page(browser, request):
    """A fresh browser context (no cookies), 1280x900, Danish; closed after the test.

    When the test fails, a screenshot and the HTML of the page are saved under test-artifacts/.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    if getattr(request.node, "raad_call_failed", False):
        _save_artifacts(tab, request.node.nodeid)
    context.close()


def _save_artifacts(tab, nodeid: str) -> None:
    name = "".join(char if char.isalnum() or char in "-_." else "_" for char in nodeid)[-150:]
    try:
        ARTIFACTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        (ARTIFACTS / f"{name}.html").write_text(tab.content(), encoding="utf-8")
        sys.stderr.write(f"\nscreenshot of the failing page: {ARTIFACTS / name}.png\n")
    except Exception as error:  # a broken page must not hide the test's own failure
        sys.stderr.write(f"\ncould not save the failing page: {error}\n")


@pytest.fixture
def assert_accessible():
    """`assert_accessible(page)`: fails with a readable list when axe-core reports any violation."""

    def check(page) -> None:
        violations = run_axe(page)
        if violations:
            pytest.fail(format_violations(page.url, violations), pytrace=False)

    return check


# ---------------------------------------------------------------------------------------------- e-mail


class SMTPServer:
    """A real SMTP server process (raad/testing/smtp_sink.py) that keeps every message it receives."""

    def __init__(self, host: str, port: int, directory: Path, process: subprocess.Popen) -> None:
        self.host = host
        self.port = port
        self.directory = directory
        self.process = process

    def stop(self) -> None:
        """Stop the server process (the mail server is down: connections are refused)."""
        terminate(self.process)

    def start(self) -> None:
        """Start it again on the same port, keeping the messages received before."""
        self.process = _launch(self.port, self.directory)

    def messages(self, count: int | None = None, timeout: float = 5.0) -> list[email.message.EmailMessage]:
        """The received messages, oldest first, parsed. Waits up to `timeout` seconds for `count` messages
        (for at least one when `count` is None); returns what has arrived by then."""
        wanted = 1 if count is None else count
        deadline = time.monotonic() + timeout
        while True:
            files = sorted(self.directory.glob("*.eml"))
            if len(files) >= wanted or time.monotonic() >= deadline:
                break
            time.sleep(0.05)
        return [email.message_from_bytes(path.read_bytes(), policy=email.policy.default) for path in files]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _launch(port: int, directory: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "raad.testing.smtp_sink", "--port", str(port), "--directory", str(directory)],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        text=True,
    )
    line = process.stdout.readline().strip() if process.stdout else ""
    if line != "ready":
        process.kill()
        pytest.fail(f"the SMTP sink did not start (exit code {process.wait(5)}, said {line!r})", pytrace=False)
    return process


@pytest.fixture
def smtp_server(settings, tmp_path):
    """Start a real SMTP server on 127.0.0.1 and point Django's SMTP backend at it for this test.
    `smtp_server.stop()` and `.start()` take it down and bring it back (the outbox fault test)."""
    directory = tmp_path / "mail"
    port = _free_port()
    server = SMTPServer("127.0.0.1", port, directory, _launch(port, directory))
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = port
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        yield server
    finally:
        terminate(server.process)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Hashing the demo users' passwords with PBKDF2 costs seconds per test; tests use a fast hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _danish_by_default():
    """Every test starts in Danish, the site's default language: a request to an English page leaves English
    active in the thread, which would otherwise leak into the next test."""
    from django.utils import translation

    translation.activate("da")
    yield
    translation.deactivate()


@pytest.fixture
def whole_public_feed(monkeypatch):
    """The public meetings feed holds every meeting, not only the last year's: for a test about the feed's
    content whose meetings have fixed dates (under `make test-clock` they can be years back)."""
    monkeypatch.setattr("raad.meetings.selectors.public.PUBLIC_FEED_DAYS_BACK", 100 * 365)
