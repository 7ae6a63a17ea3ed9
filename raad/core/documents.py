"""Uploaded documents for every app: the size is limited and the type is judged from the content (magic
bytes, and for zip-based formats their members), never from the file name or the browser's word."""

from __future__ import annotations

import io
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
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return DOC
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
