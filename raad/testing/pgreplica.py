"""A PostgreSQL primary and a streaming read replica of it for the replica tests, both in temporary directories on
their own Unix sockets: the primary is the plugin's `TemporaryPostgres`; the replica is made by
`pg_basebackup -R` (a hot standby that follows the primary) and can be stopped and started again."""

from __future__ import annotations

import shutil
from urllib.parse import quote

from raad.testing.plugin import PG_BIN, TemporaryPostgres


class Replica:
    def __init__(self, primary: TemporaryPostgres) -> None:
        self.primary = primary
        self.data = primary.root / "replica"
        self.socket_dir = primary.root / "replica-socket"
        self.log = primary.root / "replica.log"
        self.running = False

    @property
    def url(self) -> str:
        return f"postgres://postgres@{quote(str(self.socket_dir), safe='')}/raad"

    def create(self) -> None:
        self.socket_dir.mkdir()
        if self.primary.as_root:
            shutil.chown(self.socket_dir, "postgres", "postgres")
        result = self.primary._run(
            str(PG_BIN / "pg_basebackup"),
            "-h",
            str(self.primary.socket_dir),
            "-U",
            "postgres",
            "-D",
            str(self.data),
            "-R",  # standby.signal and primary_conninfo: a streaming replica
            "-X",
            "stream",
            "-c",
            "fast",
            "--no-sync",
        )
        if result.returncode != 0:
            raise RuntimeError(f"pg_basebackup failed:\n{result.stdout}\n{result.stderr}")

    def start(self) -> None:
        options = f"-c listen_addresses='' -c unix_socket_directories='{self.socket_dir}' -c fsync=off"
        result = self.primary._run(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start"
        )
        if result.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"replica start failed:\n{result.stdout}\n{result.stderr}\n{log}")
        self.running = True

    def stop(self) -> None:
        if self.running:
            self.primary._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
            self.running = False


def available() -> list[str]:
    """The server programs that are missing (none: the test can run)."""
    return [name for name in ("initdb", "pg_ctl", "postgres", "pg_basebackup") if not (PG_BIN / name).exists()]


def createdb(primary: TemporaryPostgres, name: str = "raad") -> None:
    result = primary._run(str(PG_BIN / "createdb"), "-h", str(primary.socket_dir), "-U", "postgres", name)
    if result.returncode != 0:
        raise RuntimeError(f"createdb failed:\n{result.stderr}")


__all__ = ["Replica", "TemporaryPostgres", "available", "createdb"]
