"""Backup and restore of a whole installation: the database and every uploaded file, with a checksum manifest.

A backup is a directory (docs/backup.md):

    manifest.json              Råd's version, the database vendor, the migrations applied per app, and the size
                               and SHA-256 of the database dump and of every file
    database.sqlite3           SQLite: a consistent copy made with SQLite's online backup API
    database.pgdump            PostgreSQL: `pg_dump --format=custom`
    files/<storage>/<path>     every file of every storage in settings.STORAGES that holds uploads (all but
                               `staticfiles`), read through Django's storage API (local disk or S3 alike)

`restore` checks every checksum before it writes anything, refuses an installation that already holds data
unless forced, then restores the database and the files and compares the migrations with the code's.
The management commands `backup` and `restore` are thin wrappers around `make_backup` and `restore_backup`.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
import posixpath
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage, storages
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

log = logging.getLogger("raad.backup")

FORMAT = 1
MANIFEST = "manifest.json"
FILES_DIR = "files"
DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
CHUNK = 1024 * 1024
# Tables `migrate` fills by itself: an installation with rows only there is empty.
MIGRATE_TABLES = {"django_migrations", "django_content_type", "auth_permission"}


class BackupError(Exception):
    """The backup or restore cannot go on; the message says why and what to do."""


@dataclass(frozen=True)
class Manifest:
    data: dict

    @property
    def dump(self) -> dict:
        return self.data["database"]

    @property
    def files(self) -> list[dict]:
        return self.data["files"]


# --------------------------------------------------------------------------------------------- shared pieces


def upload_storages() -> dict[str, Storage]:
    """Every storage that holds uploads: all of settings.STORAGES except the static files (built from code)."""
    return {alias: storages[alias] for alias in settings.STORAGES if alias != "staticfiles"}


def storage_files(storage: Storage, path: str = "") -> Iterator[str]:
    """Every file name in `storage`, depth first, sorted (through `listdir`, so S3 works like a disk)."""
    try:
        directories, files = storage.listdir(path)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield posixpath.join(path, name) if path else name
    for name in sorted(directories):
        yield from storage_files(storage, posixpath.join(path, name) if path else name)


def _copy(source, target, digest) -> int:
    size = 0
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        target.write(chunk)
        size += len(chunk)
    return size


def sha256_of(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def applied_migrations() -> dict[str, list[str]]:
    """The migrations the database has applied, per app, in the order they were applied."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return {}
    state: dict[str, list[str]] = {}
    for app, name in recorder.migration_qs.order_by("id").values_list("app", "name"):
        state.setdefault(app, []).append(name)
    return state


def raad_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("raad")
    except PackageNotFoundError:
        import tomllib

        pyproject = Path(settings.BASE_DIR) / "pyproject.toml"
        return tomllib.loads(pyproject.read_text())["project"]["version"]


def _vendor() -> str:
    if connection.vendor not in DUMP_NAMES:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def _pg_program(name: str) -> str:
    bin_dir = os.environ.get("RAAD_PG_BIN", "")
    program = str(Path(bin_dir) / name) if bin_dir else shutil.which(name)
    if not program or not Path(program).exists():
        raise BackupError(f"{name} was not found: install the PostgreSQL client, or set RAAD_PG_BIN to its folder.")
    return program


def _pg_environment() -> dict[str, str]:
    """libpq's variables from the connection settings Django uses (never on the command line: a password in
    the process list is visible to every user of the machine)."""
    settings_dict = connection.settings_dict
    environment = dict(os.environ)
    pairs = {
        "PGDATABASE": settings_dict.get("NAME"),
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
    }
    for key, value in pairs.items():
        if value:
            environment[key] = str(value)
    sslmode = (settings_dict.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        environment["PGSSLMODE"] = sslmode
    return environment


def _run(command: list[str]) -> None:
    log.info("Running %s", " ".join(command))
    result = subprocess.run(command, env=_pg_environment(), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed ({result.returncode}): {result.stderr.strip()}")


# --------------------------------------------------------------------------------------------------- backup


def make_backup(directory: Path) -> Manifest:
    """Write a backup of this installation into `directory` (new or empty) and return its manifest."""
    vendor = _vendor()
    if directory.exists() and any(directory.iterdir()):
        raise BackupError(f"{directory} is not empty: give a new or empty directory for each backup.")
    directory.mkdir(parents=True, exist_ok=True)
    migrations = applied_migrations()

    dump = directory / DUMP_NAMES[vendor]
    log.info("Backing up the %s database to %s", vendor, dump)
    if vendor == "sqlite":
        _sqlite_backup(dump)
    else:
        _run([_pg_program("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", f"--file={dump}"])
    dump_size, dump_sha = sha256_of(dump)

    files = []
    for alias, storage in upload_storages().items():
        for name in storage_files(storage):
            target = _inside(directory / FILES_DIR / alias, name)
            target.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with storage.open(name, "rb") as source, target.open("wb") as out:
                size = _copy(source, out, digest)
            files.append({"storage": alias, "path": name, "size": size, "sha256": digest.hexdigest()})
    log.info("Backed up %d files from %s", len(files), ", ".join(upload_storages()))

    manifest = {
        "format": FORMAT,
        "raad_version": raad_version(),
        "created_at": datetime.datetime.now(tz=datetime.UTC).isoformat(timespec="seconds"),
        "database": {"vendor": vendor, "file": dump.name, "size": dump_size, "sha256": dump_sha},
        "migrations": migrations,
        "files": files,
    }
    # Written last: a directory without a manifest is a backup that did not finish, and restore refuses it.
    partial = directory / f".{MANIFEST}.partial"
    partial.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    partial.rename(directory / MANIFEST)
    log.info("Backup complete: %s (database %s bytes, %d files)", directory, dump_size, len(files))
    return Manifest(manifest)


def _sqlite_backup(target: Path) -> None:
    """SQLite's online backup API: a consistent copy while the server keeps running (in WAL mode readers and
    writers do not wait for the copy). The copy is made self-contained (rollback journal, no -wal file)."""
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        copy.close()


def _inside(root: Path, name: str) -> Path:
    """`root/name`, refusing a name that would leave `root` (a tampered manifest)."""
    path = (root / name).resolve()
    if not path.is_relative_to(root.resolve()) or name.startswith("/") or ".." in Path(name).parts:
        raise BackupError(f"The backup names a file outside its folder: {name!r}.")
    return path


# -------------------------------------------------------------------------------------------------- restore


def verify_backup(directory: Path) -> Manifest:
    """The manifest of the backup in `directory` after checking every size and checksum; BackupError naming
    each difference otherwise. Reads only."""
    path = directory / MANIFEST
    if not path.is_file():
        raise BackupError(f"{path} is missing: this is not a finished backup.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise BackupError(f"The backup's format is {data.get('format')!r}; this Råd reads format {FORMAT}.")
        entries = [("database", directory / data["database"]["file"], data["database"])]
        entries += [
            (f"{f['storage']}:{f['path']}", _inside(directory / FILES_DIR / f["storage"], f["path"]), f)
            for f in data["files"]
        ]
    except (ValueError, KeyError, TypeError) as error:
        raise BackupError(f"{path} cannot be read: {error}") from error
    problems = []
    for label, file, expected in entries:
        if not file.is_file():
            problems.append(f"{label}: missing ({file})")
            continue
        size, sha = sha256_of(file)
        if size != expected["size"] or sha != expected["sha256"]:
            problems.append(f"{label}: checksum differs (the file was changed or damaged)")
    if problems:
        raise BackupError("The backup does not match its manifest; nothing was restored:\n  " + "\n  ".join(problems))
    log.info("Verified %s: database and %d files match the manifest", directory, len(data["files"]))
    return Manifest(data)


def installation_contents() -> list[str]:
    """What this installation already holds (tables with rows beyond what `migrate` writes, files in a storage);
    an empty list for an empty installation."""
    found = []
    with connection.cursor() as cursor:
        skip = set(MIGRATE_TABLES)
        if connection.vendor == "sqlite":
            # The full-text index's own tables (`<index>_config` …) hold its settings from the start.
            cursor.execute("SELECT name FROM pragma_table_list WHERE type = 'shadow'")
            skip |= {name for (name,) in cursor.fetchall()}
        for table in connection.introspection.table_names(cursor):
            if table in skip or table.startswith("sqlite_"):
                continue
            cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")  # noqa: S608 - introspected
            if cursor.fetchone():
                found.append(f"table {table}")
    for alias, storage in upload_storages().items():
        if next(storage_files(storage), None) is not None:
            found.append(f"files in storage {alias!r}")
    return found


def _check_migrations_known(manifest: Manifest) -> None:
    """Refuse a backup made by a newer Råd: a migration the code does not have cannot be undone or followed."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [f"{app}.{name}" for app, names in manifest.data["migrations"].items() for name in names]
    unknown = [m for m in unknown if tuple(m.split(".", 1)) not in known]
    if unknown:
        raise BackupError(
            "The backup was made by a newer Råd (migrations this code does not have: "
            + ", ".join(unknown[:10])
            + "). Install that version first; nothing was restored."
        )


def restore_backup(directory: Path, *, force: bool = False) -> list[str]:
    """Restore the backup in `directory` into this installation. Returns the migrations still to apply (the
    backup is older than the code: run `manage.py migrate`)."""
    manifest = verify_backup(directory)
    vendor = _vendor()
    if manifest.dump["vendor"] != vendor:
        raise BackupError(
            f"The backup holds a {manifest.dump['vendor']} database and this installation runs {vendor}; "
            "nothing was restored."
        )
    _check_migrations_known(manifest)
    missing = sorted({entry["storage"] for entry in manifest.files} - set(upload_storages()))
    if missing:
        raise BackupError(f"The backup has files of storages settings.STORAGES lacks: {', '.join(missing)}.")
    contents = installation_contents()
    if contents and not force:
        raise BackupError(
            "This installation is not empty ("
            + "; ".join(contents[:10])
            + "). Restore into a new installation, or give --force to replace everything in it."
        )
    if contents:
        log.warning("Replacing what this installation holds (--force): %s", "; ".join(contents[:10]))

    dump = directory / manifest.dump["file"]
    log.info("Restoring the %s database from %s", vendor, dump)
    if vendor == "sqlite":
        _sqlite_restore(dump)
    else:
        _pg_restore(dump)

    storages_ = upload_storages()
    for storage in storages_.values():
        for name in list(storage_files(storage)):
            storage.delete(name)
    for entry in manifest.files:
        with _inside(directory / FILES_DIR / entry["storage"], entry["path"]).open("rb") as handle:
            stored = storages_[entry["storage"]].save(entry["path"], File(handle, name=entry["path"]))
        if stored != entry["path"]:
            raise BackupError(f"The storage {entry['storage']!r} stored {entry['path']} as {stored}.")
    log.info("Restored %d files", len(manifest.files))

    restored = applied_migrations()
    if restored != manifest.data["migrations"]:
        raise BackupError("The restored database's migrations differ from the manifest's.")
    executor = MigrationExecutor(connection)
    pending = [f"{m.app_label}.{m.name}" for m, _ in executor.migration_plan(executor.loader.graph.leaf_nodes())]
    if pending:
        log.warning("The backup is older than this code: run `manage.py migrate` (%d migrations)", len(pending))
    log.info("Restore complete from %s", directory)
    return pending


def _sqlite_restore(dump: Path) -> None:
    """The backup API again, from the backup's copy into the database Django uses: the whole database is
    replaced (tables, indexes, triggers), in one step."""
    connection.ensure_connection()
    source = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def _pg_restore(dump: Path) -> None:
    """An empty `public` schema, then `pg_restore` in one transaction (all or nothing)."""
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA IF EXISTS public CASCADE")
        cursor.execute("CREATE SCHEMA public")
    connection.close()
    _run(
        [
            _pg_program("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={connection.settings_dict['NAME']}",
            str(dump),
        ]
    )
