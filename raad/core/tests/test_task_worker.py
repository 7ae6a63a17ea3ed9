"""The production path of the outbox: TASKS_BACKEND=database stores the delivery task after commit, and a real
`manage.py db_worker` process (django-tasks-db) delivers the mail to a real SMTP server, exactly once.

The worker is a separate process, so it must see the test's database:
- PostgreSQL (and RAAD_TEST_DB=external): the test database on the same server, under its test name;
- SQLite: the test database lives in this process's memory, so it is copied to a file for the worker (the
  SQLite online backup API) and copied back when the worker has finished.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django_tasks_db.models import DBTaskResult

from raad.core import mail
from raad.core.models import OutgoingMail
from raad.meetings import services as meetings
from raad.meetings.tests.factories import meeting_with_items
from raad.testing.cast import build_cast

ROOT = Path(django_settings.BASE_DIR)
DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# The worker runs in a process of its own; under RAAD_TEST_TODAY (make test-clock) it starts on this
# process's clock, as every process of the application would on that day.
WORKER_ON_CLOCK = (
    "import datetime, sys, time_machine; "
    "time_machine.travel(datetime.datetime.fromisoformat(sys.argv[1]), tick=True).start(); "
    "from django.core.management import execute_from_command_line; "
    "execute_from_command_line(['manage.py', *sys.argv[2:]])"
)


def _run_worker(smtp_server, database_url: str) -> subprocess.CompletedProcess:
    """`manage.py db_worker --batch`: run every task that is ready, then exit."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "TASKS_BACKEND": "database",
        "EMAIL_BACKEND": "smtp",
        "EMAIL_HOST": smtp_server.host,
        "EMAIL_PORT": str(smtp_server.port),
        "EMAIL_USE_TLS": "false",
    }
    arguments = ["db_worker", "--batch", "--no-startup-delay", "--no-reload"]
    if os.environ.get("RAAD_TEST_TODAY"):
        from django.utils import timezone

        command = [sys.executable, "-c", WORKER_ON_CLOCK, timezone.now().isoformat(), *arguments]
    else:
        command = [sys.executable, "manage.py", *arguments]
    return subprocess.run(
        command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120
    )


def _worker(smtp_server, tmp_path: Path) -> subprocess.CompletedProcess:
    """Run the worker against this test's database (committed data: the test is transactional)."""
    if connection.vendor != "sqlite":
        parts = urlsplit(os.environ["DATABASE_URL"])
        url = urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))
        return _run_worker(smtp_server, url)
    path = tmp_path / "worker.sqlite3"
    connection.ensure_connection()
    memory = connection.connection
    copy = sqlite3.connect(path)
    try:
        memory.backup(copy)
    finally:
        copy.close()
    result = _run_worker(smtp_server, f"sqlite:///{path}")
    back = sqlite3.connect(path)
    try:
        back.backup(memory)  # what the worker wrote, back into the test database
    finally:
        back.close()
    return result


@pytest.mark.smtp
@pytest.mark.django_db(transaction=True)
def test_the_db_worker_process_delivers_a_notice_queued_by_the_service_exactly_once(smtp_server, settings, tmp_path):
    cast = build_cast()
    meeting = meeting_with_items(cast)
    settings.TASKS = DATABASE_BACKEND
    before = set(OutgoingMail.objects.values_list("pk", flat=True))

    meetings.meeting_send_notice(meeting=meeting, by=None)

    notices = OutgoingMail.objects.exclude(pk__in=before)
    members = sorted(m.person.email for m in cast.members)
    assert sorted(notices.values_list("to", flat=True)) == members
    # Committed: the mails wait in the outbox and one delivery task waits in the task table; nothing is sent.
    task = DBTaskResult.objects.get()
    assert task.task_path == "raad.core.mail.deliver_task"
    assert task.status == "READY"
    assert sorted(task.args_kwargs["kwargs"]["mail_ids"]) == sorted(notices.values_list("pk", flat=True))
    assert not notices.filter(sent_at__isnull=False).exists()
    assert smtp_server.messages(count=1, timeout=0.5) == []

    started = time.monotonic()
    result = _worker(smtp_server, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    sys.stderr.write(f"\ndb_worker --batch took {time.monotonic() - started:.1f} s\n")

    task = DBTaskResult.objects.get()
    assert task.status == "SUCCESSFUL", task.traceback
    assert task.return_value == len(members)
    assert notices.filter(sent_at__isnull=False, attempts=1).count() == len(members)
    received = smtp_server.messages(count=len(members), timeout=10)
    assert sorted(m["To"] for m in received) == members
    assert all("Dagsorden" in m["Subject"] for m in received)
    assert any(
        f"https://raad.test{meeting.get_absolute_url()}" in m.get_body(("plain",)).get_content() for m in received
    )

    # Exactly once: a second worker run and the cron command find nothing to send.
    again = _worker(smtp_server, tmp_path)
    assert again.returncode == 0, again.stdout + again.stderr
    assert mail.deliver_due() == 0
    assert len(smtp_server.messages(count=len(members) + 1, timeout=1.0)) == len(members)
