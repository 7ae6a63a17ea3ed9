"""Check an uploaded consultation document by its content, not by its name or the browser's word."""

from __future__ import annotations

import io
import zipfile

from django.conf import settings

# Kinds we accept: what the municipality sends in a høring.
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
PNG = "image/png"
JPEG = "image/jpeg"

EXTENSIONS = {PDF: "pdf", DOCX: "docx", XLSX: "xlsx", ODT: "odt", PNG: "png", JPEG: "jpg"}


def max_upload_bytes() -> int:
    """A deployment setting (RAAD_MAX_UPLOAD_BYTES), 20 MB unless configured."""
    return int(getattr(settings, "RAAD_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))


def sniff(head: bytes, data: bytes | None = None) -> str | None:
    """The content type of a file judged from its bytes, or None when it is not one we accept."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04") and data is not None:
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
