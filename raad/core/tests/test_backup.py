"""`manage.py backup` and `manage.py restore` (raad/core/backup.py, docs/backup.md) on the database the suite runs
on: SQLite, or PostgreSQL with RAAD_TEST_DB=postgres.

The round trip backs up the demo (every app's data, with its uploaded files) plus an event photo, a receipt and a
member's photo, restores it with `manage.py restore` in another process into a new, empty installation (a new
SQLite file, or a new database in the same PostgreSQL cluster, and a new file folder), and compares every table
of every model row by row and every file byte by byte."""

from __future__ import annotations

import datetime
import os
import sqlite3
import subprocess
import sys
import uuid
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

import pytest
from django.apps import apps
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from raad.core import backup
from raad.testing import assert_unchanged

ROOT = Path(__file__).resolve().parents[3]
PDF = b"%PDF-1.4\n% Raad backup test\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4

pytestmark = pytest.mark.django_db(transaction=True)


def _add_uploads(council) -> None:
    """An upload for the apps whose files the demo does not make: an event photo, a receipt, a member's photo."""
    from raad.community.models import Event
    from raad.community.services.events import photo_add
    from raad.core.models import User
    from raad.finance.models import BudgetLine
    from raad.finance.services import expense_register
    from raad.membership.models import Nomination
    from raad.membership.services.nominations import nomination_confirm

    secretary = User.objects.get(username="sekretariat")
    photo_add(
        event=Event.objects.filter(council=council).first(),
        data=PNG,
        description="Sommerfesten i Holbæk",
        consent_statement="Alle på billedet sagde ja mundtligt.",
        consent_given=True,
        by=secretary,
    )
    line = BudgetLine.objects.filter(budget__council=council).select_related("budget").first()
    expense_register(
        line=line,
        spent_on=datetime.date(line.budget.year, 3, 2),  # in the demo's budget year, wherever the clock is
        payee="Holbæk Boghandel",
        amount=Decimal("1.00"),
        receipt=SimpleUploadedFile("kvittering.pdf", PDF),
        by=None,
    )
    # A substitute candidate of the demo who has not confirmed yet confirms, with a photo.
    nomination = Nomination.objects.filter(
        substitute_candidate__isnull=False, substitute_confirmed_at__isnull=True
    ).first()
    nomination_confirm(nomination=nomination, who="substitute", photo=SimpleUploadedFile("foto.png", PNG))


def _tables() -> dict[str, str]:
    """Every model's table (many-to-many tables too) and the column its rows are ordered by."""
    return {
        model._meta.db_table: model._meta.pk.column
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed or model._meta.auto_created
    }


def _rows(cursor, table: str, pk: str, vendor: str) -> list:
    quoted = connection.ops.quote_name
    if vendor == "postgresql":  # the server's own text form of each row: the same whichever client reads it
        cursor.execute(f"SELECT t::text FROM {quoted(table)} t ORDER BY {quoted(pk)}")  # noqa: S608
    else:
        cursor.execute(f"SELECT * FROM {quoted(table)} ORDER BY {quoted(pk)}")  # noqa: S608
    return cursor.fetchall()


def _files(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def _target(tmp_path: Path):
    """A new, empty installation: (its environment, a function opening a DB-API connection to it, clean-up)."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        file = tmp_path / "restored.sqlite3"
        return f"sqlite:///{file}", lambda: sqlite3.connect(file, detect_types=sqlite3.PARSE_DECLTYPES), lambda: None
    import psycopg

    name = f"restore_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {name}")
    user, password = quote(settings_dict["USER"] or ""), quote(settings_dict["PASSWORD"] or "")
    host = quote(settings_dict["HOST"] or "", safe="")
    port = f":{settings_dict['PORT']}" if settings_dict["PORT"] else ""
    url = f"postgres://{user}{':' + password if password else ''}@{host}{port}/{name}"

    def connect():
        return psycopg.connect(
            dbname=name,
            host=settings_dict["HOST"] or None,
            port=settings_dict["PORT"] or None,
            user=settings_dict["USER"] or None,
            password=settings_dict["PASSWORD"] or None,
            options="-c TimeZone=UTC",
        )

    def drop():
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    return url, connect, drop


def _manage(*args: str, url: str, media: Path) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DATABASE_URL": url, "MEDIA_ROOT": str(media), "RAAD_VAR_DIR": str(media.parent)}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_a_backup_restores_every_table_and_file_into_an_empty_installation(demo_data, tmp_path):
    _add_uploads(demo_data["council"])
    call_command("backup", str(tmp_path / "backup"))
    manifest = backup.verify_backup(tmp_path / "backup")
    apps_with_files = {entry["path"].split("/", 1)[0] for entry in manifest.files}
    assert {"meetings", "statements", "event-photos", "finance", "personer"} <= apps_with_files, apps_with_files
    assert manifest.data["database"]["vendor"] == connection.vendor
    assert manifest.data["migrations"]["core"] == backup.applied_migrations()["core"]

    url, connect, drop = _target(tmp_path)
    media = tmp_path / "restored" / "media"
    try:
        result = _manage("restore", str(tmp_path / "backup"), url=url, media=media)
        assert result.returncode == 0, result.stderr
        assert f"Restored from {tmp_path / 'backup'}." in result.stdout

        target = connect()
        try:
            source_cursor, target_cursor = connection.cursor(), target.cursor()
            for table, pk in _tables().items():
                expected = _rows(source_cursor, table, pk, connection.vendor)
                assert _rows(target_cursor, table, pk, connection.vendor) == expected, table
        finally:
            target.close()
        assert _files(media) == {e["path"]: default_storage.open(e["path"]).read() for e in manifest.files}
        assert len(manifest.files) == len(list(backup.storage_files(default_storage)))

        again = _manage("restore", str(tmp_path / "backup"), url=url, media=media)
        assert again.returncode == 1
        assert "This installation is not empty" in again.stderr and "--force" in again.stderr
    finally:
        drop()


def test_a_tampered_backup_is_refused_and_nothing_is_written(tmp_path, cast):
    from raad.meetings.services import attachment_add, item_add, meeting_plan

    meeting = meeting_plan(
        council=cast.council,
        starts_at=datetime.datetime(2026, 12, 10, 17, tzinfo=datetime.UTC),
        place="Holbæk Rådhus",
        address="Kanalstræde 2, 4300 Holbæk",
        by=cast.secretary,
    )
    item = item_add(meeting=meeting, title="Sprogcafé", by=cast.secretary)
    attachment = attachment_add(
        item=item, title="Notat", upload=SimpleUploadedFile("notat.pdf", PDF), by=cast.secretary
    )
    call_command("backup", str(tmp_path / "backup"))
    manifest = backup.verify_backup(tmp_path / "backup")
    files_before = {name: default_storage.open(name).read() for name in backup.storage_files(default_storage)}
    [entry] = [e for e in manifest.files if e["path"] == attachment.file.name]

    for damaged in (
        tmp_path / "backup" / "files" / "default" / entry["path"],
        tmp_path / "backup" / "database.sqlite3",
    ):
        if not damaged.exists():  # PostgreSQL's dump
            damaged = tmp_path / "backup" / "database.pgdump"
        original = damaged.read_bytes()
        damaged.write_bytes(original[:100] + bytes([original[100] ^ 1]) + original[101:])
        # Even with --force (which would replace this installation), nothing is written.
        with assert_unchanged(), pytest.raises(CommandError) as refused:
            call_command("restore", str(tmp_path / "backup"), "--force")
        label = "database" if damaged.name.startswith("database") else f"default:{entry['path']}"
        assert f"{label}: checksum differs (the file was changed or damaged)" in str(refused.value)
        assert "nothing was restored" in str(refused.value)
        assert {n: default_storage.open(n).read() for n in backup.storage_files(default_storage)} == files_before
        damaged.write_bytes(original)

    damaged.unlink()
    with assert_unchanged(), pytest.raises(CommandError, match=r"database: missing"):
        call_command("restore", str(tmp_path / "backup"), "--force")
