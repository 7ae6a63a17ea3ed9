"""The test tooling itself: the environment, the database, the SMTP sink and the one-time codes."""

from __future__ import annotations

import os

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection


def test_environment_is_the_test_environment():
    assert settings.DEBUG is False
    assert len(settings.SECRET_KEY) >= 50
    assert settings.SECURE_SSL_REDIRECT is False
    assert settings.STORAGES["staticfiles"]["BACKEND"] == "django.contrib.staticfiles.storage.StaticFilesStorage"
    assert str(settings.VAR_DIR).startswith(os.environ["RAAD_VAR_DIR"])


@pytest.mark.django_db
def test_database_matches_raad_test_db():
    wanted = "postgresql" if os.environ.get("RAAD_TEST_DB") == "postgres" else "sqlite"
    assert connection.vendor == wanted
    if wanted == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version_num")
            assert int(cursor.fetchone()[0]) >= 150000


@pytest.mark.smtp
def test_smtp_server_receives_a_real_message(smtp_server):
    sent = mail.send_mail(
        "Indkaldelse til møde",
        "Mødet holdes på rådhuset.\nVenlig hilsen sekretariatet",
        "raad@holbaek.invalid",
        ["medlem@demo.invalid"],
    )
    assert sent == 1
    assert mail.outbox == []  # it went over SMTP, not into the locmem outbox
    [message] = smtp_server.messages(count=1)
    assert message["Subject"] == "Indkaldelse til møde"
    assert message["To"] == "medlem@demo.invalid"
    assert "rådhuset" in message.get_content()


def test_totp_code_is_accepted_by_the_device(demo_data):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from raad.core.models import User
    from raad.testing import totp_code

    user = User.objects.get(username="sekretariat")
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    first = totp_code(user)
    assert len(first) == 6 and first.isdigit()
    assert device.verify_token(first)
    second = totp_code(user)  # the step just used is spent; the helper gives the next one
    assert second != first
    device.refresh_from_db()
    assert device.verify_token(second)
    assert not device.verify_token("000000" if second != "000000" else "111111")


@pytest.mark.django_db(transaction=True)
def test_flush_between_transactional_tests_keeps_the_journal_append_only():
    from django.core.management import call_command
    from django.db import DatabaseError, connection, transaction

    from raad.core.models import AuditEntry
    from raad.councils.presets import PRESETS
    from raad.councils.services import council_setup_from_preset

    council_setup_from_preset(preset=PRESETS["holbaek"])
    assert AuditEntry.objects.exists()
    call_command("flush", interactive=False, verbosity=0)  # what pytest-django does after such a test
    assert not AuditEntry.objects.exists()
    council_setup_from_preset(preset=PRESETS["holbaek"])
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditentry")  # the database trigger is back
    assert AuditEntry.objects.exists()


def test_totp_code_follows_a_drifted_device(demo_data):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from raad.core.models import User
    from raad.testing import totp_code

    user = User.objects.get(username="sekretariat")
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    device.drift = 1  # the phone's clock runs one step ahead; django-otp learned it at the last login
    device.save()
    assert device.verify_token(totp_code(user))
    device.refresh_from_db()
    assert device.verify_token(totp_code(user))  # the next one, although the current step is spent


def test_the_clock_is_at_raad_test_today_when_it_is_set():
    """make test-clock runs the whole suite with RAAD_TEST_TODAY set; every test sees that day as today."""
    import datetime

    from django.utils import timezone

    from raad.testing.plugin import _state

    wanted = os.environ.get("RAAD_TEST_TODAY")
    if wanted:
        assert timezone.localdate() == datetime.date.fromisoformat(wanted)
    else:  # the real clock: nothing travelled (the test below runs this one with the variable set)
        assert _state["traveller"] is None


def test_raad_test_today_moves_the_clock_of_a_whole_run():
    """A pytest run with RAAD_TEST_TODAY=2031-03-15 sees 15 March 2031 as today, and says so in its header."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    environment = {**os.environ, "RAAD_TEST_TODAY": "2031-03-15", "RAAD_TEST_DB": "sqlite"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "raad/testing/tests/test_tooling.py::test_the_clock_is_at_raad_test_today_when_it_is_set",
        ],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
    assert "raad: the clock is moved to 2031-03-15 (RAAD_TEST_TODAY)" in result.stdout
