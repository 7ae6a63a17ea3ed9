"""Uploaded documents for every app: the size is limited and the type is judged from the content (magic
bytes; for zip-based formats their members; for Microsoft's old compound files the streams they hold),
never from the file name or the browser's word."""

from __future__ import annotations

import io
import struct
import zipfile

from django.conf import settings
from django.utils.translation import gettext as _

from raad.core.errors import RuleViolation

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOC = "application/msword"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
PNG = "image/png"
JPEG = "image/jpeg"

EXTENSIONS = {PDF: "pdf", DOCX: "docx", DOC: "doc", XLSX: "xlsx", ODT: "odt", PNG: "png", JPEG: "jpg"}
LABELS = {
    PDF: "PDF",
    DOCX: "Word (.docx)",
    DOC: "Word (.doc)",
    XLSX: "Excel (.xlsx)",
    ODT: "ODT",
    PNG: "PNG",
    JPEG: "JPEG",
}


class _FileProblem:
    """A violation that belongs to the form's `file` field."""

    field = "file"

    def __init__(self, message: str) -> None:
        self.message = message

    def __str__(self) -> str:
        return self.message


def max_upload_bytes() -> int:
    """A deployment setting (MAX_UPLOAD_BYTES in the environment), not a rule of procedure."""
    return int(settings.MAX_UPLOAD_BYTES)


def sniff(data: bytes) -> str | None:
    """The content type of a file judged from its bytes, or None when it is none we know."""
    head = data[:16]
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(OLE2_SIGNATURE):
        # .doc, .xls, .ppt and .msg all are compound files: only one with a WordDocument stream is Word.
        return DOC if "WordDocument" in compound_file_top_names(data) else None
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "mimetype" in names and archive.read("mimetype").strip() == ODT.encode():
                    return ODT
                if "[Content_Types].xml" in names:
                    if any(n.startswith("word/") for n in names):
                        return DOCX
                    if any(n.startswith("xl/") for n in names):
                        return XLSX
        except zipfile.BadZipFile:
            return None
    return None


# --- Compound files (OLE2, [MS-CFB]) ----------------------------------------------------------------------

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAX_REGULAR_SECTOR = 0xFFFFFFFA
_NO_STREAM = 0xFFFFFFFF
_ENTRY_SIZE = 128
_STORAGE, _STREAM = 1, 2


def compound_file_top_names(data: bytes) -> set[str]:
    """The names of the streams and storages at the top of a compound file (Word: `WordDocument`; Excel:
    `Workbook` or `Book`; PowerPoint: `PowerPoint Document`; Outlook: `__substg1.0_…`), or an empty set when
    the file is not a readable compound file. Only the header, the sector allocation table and the directory
    are read; every chain and the directory tree are bounded, so a malformed file cannot loop."""
    try:
        return _top_names(data)
    except (struct.error, IndexError, ValueError, UnicodeDecodeError):
        return set()


def _top_names(data: bytes) -> set[str]:
    if len(data) < 512 or not data.startswith(OLE2_SIGNATURE):
        return set()
    (byte_order, sector_shift) = struct.unpack_from("<HH", data, 28)
    if byte_order != 0xFFFE or sector_shift not in (9, 12):
        return set()
    size = 1 << sector_shift
    sectors = (len(data) - 512) // size  # sector n starts at (n + 1) * size (a version 4 header is padded)
    (first_directory,) = struct.unpack_from("<I", data, 48)
    (first_difat, difat_count) = struct.unpack_from("<II", data, 68)

    def sector(number: int) -> bytes:
        if number >= sectors:
            raise ValueError("sector outside the file")
        return data[(number + 1) * size : (number + 2) * size]

    # The allocation table's own sectors: 109 in the header, the rest in a chain of DIFAT sectors. No more
    # are read than it takes to describe every sector the file has.
    needed = sectors // (size // 4) + 1
    fat_sectors = list(struct.unpack_from("<109I", data, 76))
    difat, seen = first_difat, set()
    for _step in range(min(difat_count, sectors)):
        if len(fat_sectors) >= needed or difat > _MAX_REGULAR_SECTOR or difat in seen:
            break
        seen.add(difat)
        *entries, difat = struct.unpack(f"<{size // 4}I", sector(difat))
        fat_sectors += entries
    fat: list[int] = []
    for number in fat_sectors[:needed]:
        if number <= _MAX_REGULAR_SECTOR:
            fat += struct.unpack(f"<{size // 4}I", sector(number))

    # The directory: a chain of sectors of 128-byte entries; entry 0 is the root storage.
    directory = bytearray()
    current, seen = first_directory, set()
    while current <= _MAX_REGULAR_SECTOR:
        if current in seen or current >= len(fat):
            raise ValueError("broken directory chain")
        seen.add(current)
        directory += sector(current)
        current = fat[current]
    count = len(directory) // _ENTRY_SIZE
    if count == 0 or directory[66] != 5:
        return set()

    def entry(number: int) -> tuple[str, int, int, int, int]:
        offset = number * _ENTRY_SIZE
        length, kind = struct.unpack_from("<HB", directory, offset + 64)
        left, right, child = struct.unpack_from("<III", directory, offset + 68)
        name = bytes(directory[offset : offset + max(0, min(length, 64) - 2)]).decode("utf-16-le")
        return name, kind, left, right, child

    # The root's children form a tree through their left and right siblings.
    names: set[str] = set()
    pending, visited = [entry(0)[4]], set()
    while pending:
        number = pending.pop()
        if number == _NO_STREAM or number in visited or number >= count:
            continue
        visited.add(number)
        name, kind, left, right, _child = entry(number)
        if kind in (_STORAGE, _STREAM):
            names.add(name)
        pending += [left, right]
    return names


def check_upload(data: bytes, *, accepted: tuple[str, ...]) -> tuple[str, str]:
    """(content type, file extension) of an upload that is within the size limit and of an accepted type.

    Raises RuleViolation (on the form's `file` field) for an empty, too large or unaccepted file."""
    limit = max_upload_bytes()
    if len(data) > limit:
        raise RuleViolation([_FileProblem(_("Filen er for stor (højst %(mb)s MB).") % {"mb": limit // (1024 * 1024)})])
    if not data:
        raise RuleViolation([_FileProblem(_("Filen er tom."))])
    content_type = sniff(data)
    if content_type not in accepted:
        kinds = ", ".join(LABELS[kind] for kind in accepted)
        raise RuleViolation([_FileProblem(_("Filtypen kan ikke bruges. Brug %(kinds)s.") % {"kinds": kinds})])
    return content_type, EXTENSIONS[content_type]
