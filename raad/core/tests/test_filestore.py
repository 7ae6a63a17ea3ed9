"""A write the file store refuses leaves nothing behind (raad/core/filestore.py), and every service that writes a
file goes through it. The end-to-end test through an upload page is raad/meetings/tests/test_upload_fault.py."""

from __future__ import annotations

import errno
import re
from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage
from django.utils import translation

from raad.core import filestore
from raad.testing.fullstore import full_media

RAAD = Path(__file__).resolve().parents[2]


def test_a_write_past_the_kernels_limit_is_removed_and_reported_in_both_languages(tmp_path):
    storage = FileSystemStorage(location=tmp_path / "media")
    with full_media(tmp_path / "media", 8192, mount=False), pytest.raises(filestore.StorageFailure) as failure:
        filestore.save_bytes(storage, "bilag/notat.pdf", b"%PDF-1.4\n" + b"x" * 40_000)
    assert failure.value.cause.errno == errno.EFBIG  # the kernel's own refusal, after 8 KB had been written
    assert failure.value.no_room
    assert [p for p in (tmp_path / "media").rglob("*") if p.is_file()] == []  # the partial file is gone
    assert failure.value.message == (
        "Filen kunne ikke gemmes, fordi der ikke er plads på serveren. Intet er gemt. "
        "Prøv igen senere, eller kontakt sekretariatet."
    )
    with translation.override("en"):
        assert failure.value.message == (
            "The file could not be saved because the server has no space left. Nothing was saved. "
            "Try again later, or contact the secretariat."
        )
    # With room again, the same write succeeds under the name asked for.
    assert filestore.save_bytes(storage, "bilag/notat.pdf", b"%PDF-1.4\n") == "bilag/notat.pdf"


# Writing into the file store: a FieldFile's save(), a storage's save(), assigning an upload to a file field.
DIRECT_WRITE = re.compile(
    r"\.(file|photo|receipt|letter|document)\.save\(|storage\w*\.save\(|storages\[[^]]+\]\.save\("
    r"|\.(file|photo|receipt|letter)\s*=\s*(?![\"'])\w"
)
# Restore writes the files of a verified backup back as they were (a command run by the operator, not a form).
ALLOWED = {"core/filestore.py", "core/backup.py"}
UPLOAD_SERVICES = {
    "meetings/services/agenda.py": "store_upload(attachment.file",
    "statements/services/consultations.py": "store_upload(document.file",
    "statements/services/dispatch.py": "store_upload(statement.letter",
    "community/services/events.py": "store_upload(photo.file",
    "finance/services.py": "store_upload(expense.receipt",
    "membership/services/nominations.py": "store_upload(person.photo",
    "core/pdf.py": "save_bytes(default_storage",
}


def test_every_service_writes_files_through_the_filestore():
    direct = []
    for path in sorted(RAAD.rglob("*.py")):
        relative = path.relative_to(RAAD).as_posix()
        if "/tests/" in relative or relative.startswith("testing/") or "/migrations/" in relative:
            continue
        if relative in ALLOWED:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if DIRECT_WRITE.search(line):
                direct.append(f"raad/{relative}:{number}: {line.strip()}")
    assert direct == [], "write files through raad.core.filestore:\n" + "\n".join(direct)
    for relative, call in UPLOAD_SERVICES.items():
        assert f"filestore.{call}" in (RAAD / relative).read_text(encoding="utf-8"), relative
    assert (RAAD / "finance/services.py").read_text(encoding="utf-8").count("filestore.store_upload(") == 2
