"""The streaming ZIP writer: members are written one after the other to a stream that need not seek (a file
or an HTTP response), each hashed (SHA-256) while it is written; the manifest is the last member.

Memory stays bounded: a member is written in pieces (rows one at a time, files in 64 KiB blocks), and the
manifest keeps one small entry per file, never the files or the rows.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any

from raad.core.csvexport import safe_cell

BLOCK = 64 * 1024
ROWS_PER_STEP = 500  # rows written between two yields (the HTTP response sends what is buffered at a yield)


class _HashingWriter:
    """Passes bytes to a ZIP member and counts and hashes them on the way."""

    def __init__(self, target: IO[bytes]):
        self.target = target
        self.sha256 = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self.sha256.update(data)
        self.size += len(data)
        return self.target.write(data)


class StreamBuffer(io.RawIOBase):
    """A write-only, non-seekable stream that keeps only what was written since the last `take()`."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        data = bytes(data)
        self.chunks.append(data)
        self.size += len(data)
        return len(data)

    def take(self) -> bytes:
        data = b"".join(self.chunks)
        self.chunks, self.size = [], 0
        return data


class ArchiveWriter:
    """One ZIP being written; `entries` is the manifest's list of files (path, title, kind, media type, size,
    sha256, and `closed` with a reason for a part the case officer must review before handing it out)."""

    def __init__(self, stream: IO[bytes], *, generated_at: datetime.datetime):
        self.zip = zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED)
        self.entries: list[dict[str, Any]] = []
        self._date_time = generated_at.timetuple()[:6]

    def _member(self, path: str):
        info = zipfile.ZipInfo(path, date_time=self._date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        return self.zip.open(info, "w", force_zip64=True)

    def _entry(self, path: str, out: _HashingWriter, *, title: str, kind: str, media_type: str, closed: str = ""):
        entry: dict[str, Any] = {
            "path": path,
            "title": title,
            "kind": kind,
            "media_type": media_type,
            "size": out.size,
            "sha256": out.sha256.hexdigest(),
            "closed": bool(closed),
        }
        if closed:
            entry["closed_reason"] = closed
        self.entries.append(entry)

    def add_bytes(self, path: str, data: bytes, *, title: str, kind: str, media_type: str, closed: str = "") -> None:
        with self._member(path) as member:
            out = _HashingWriter(member)
            out.write(data)
        self._entry(path, out, title=title, kind=kind, media_type=media_type, closed=closed)

    def add_file(
        self, path: str, handle: IO[bytes], *, title: str, kind: str, media_type: str, closed: str = ""
    ) -> Iterator[None]:
        """Copy an open file in blocks (yields between blocks)."""
        with self._member(path) as member:
            out = _HashingWriter(member)
            while block := handle.read(BLOCK):
                out.write(block)
                yield
        self._entry(path, out, title=title, kind=kind, media_type=media_type, closed=closed)

    def add_table(
        self, name: str, columns: Sequence[str], rows: Callable[[], Iterable[dict[str, Any]]], *, title: str
    ) -> Iterator[None]:
        """`name`.csv and `name`.json from the same rows; `rows()` is called once for each file (a fresh
        iterator over the database), so no row is kept after it is written."""
        path = f"data/{name}.csv"
        with self._member(path) as member:
            out = _HashingWriter(member)
            line = io.StringIO()
            writer = csv.writer(line, delimiter=";")

            def emit(cells: Iterable[Any]) -> None:
                writer.writerow(cells)
                out.write(line.getvalue().encode())
                line.seek(0)
                line.truncate()

            emit(columns)
            for count, row in enumerate(rows(), start=1):
                emit([safe_cell(_cell(row[column])) for column in columns])
                if count % ROWS_PER_STEP == 0:
                    yield
        self._entry(path, out, title=title, kind="data", media_type="text/csv")
        yield
        path = f"data/{name}.json"
        with self._member(path) as member:
            out = _HashingWriter(member)
            out.write(b"[")
            for count, row in enumerate(rows(), start=1):
                out.write(((",\n" if count > 1 else "\n") + json.dumps(row, ensure_ascii=False, default=str)).encode())
                if count % ROWS_PER_STEP == 0:
                    yield
            out.write(b"\n]\n")
        self._entry(path, out, title=title, kind="data", media_type="application/json")
        yield

    def close(self, manifest: dict[str, Any]) -> None:
        """Write `manifest` with the list of files as manifest.json, then the ZIP's central directory."""
        data = json.dumps({**manifest, "files": self.entries}, ensure_ascii=False, indent=2, default=str)
        with self._member("manifest.json") as member:
            member.write(data.encode() + b"\n")
        self.zip.close()


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


Build = Callable[[ArchiveWriter], Iterator[None]]


def stream_zip(build: Build, *, generated_at: datetime.datetime) -> Iterator[bytes]:
    """The ZIP as a sequence of byte chunks (for a StreamingHttpResponse): what `build` wrote since its
    last yield is handed on at each yield, so only a step's worth of bytes is ever held."""
    buffer = StreamBuffer()
    archive = ArchiveWriter(buffer, generated_at=generated_at)
    manifest: dict[str, Any] = {}
    for step in build(archive):
        if isinstance(step, dict):
            manifest = step
        if buffer.size:
            yield buffer.take()
    archive.close(manifest)
    yield buffer.take()


def write_zip(build: Build, target: IO[bytes], *, generated_at: datetime.datetime) -> ArchiveWriter:
    """The ZIP written to an open binary file (the management command)."""
    archive = ArchiveWriter(target, generated_at=generated_at)
    manifest: dict[str, Any] = {}
    for step in build(archive):
        if isinstance(step, dict):
            manifest = step
    archive.close(manifest)
    return archive
