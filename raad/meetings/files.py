"""Attachment checks: the type is read from the file's content (magic bytes), never from its name."""

from __future__ import annotations

import io
import zipfile

from django.conf import settings

# Technical upload limit (not a rule of procedure): RAAD_ATTACHMENT_MAX_BYTES in settings, 20 MB by default.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOC = "application/msword"
PNG = "image/png"
JPEG = "image/jpeg"

EXTENSIONS = {PDF: "pdf", DOCX: "docx", DOC: "doc", PNG: "png", JPEG: "jpg"}


def max_bytes() -> int:
    return int(getattr(settings, "RAAD_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES))


def sniff(head: bytes, whole: bytes | None = None) -> str | None:
    """The content type of a file from its first bytes (and, for a zip, its members), or None."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return DOC
    if head.startswith(b"PK\x03\x04") and whole is not None:
        try:
            with zipfile.ZipFile(io.BytesIO(whole)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        if "[Content_Types].xml" in names and "word/document.xml" in names:
            return DOCX
    return None
