"""Writing files into the file store (Django's storage API) so that a failing write leaves nothing behind.

Every service that stores an upload or a document it made calls `store_upload` (a file field of a model being
written) or `save_bytes` (a name in a storage). When the storage refuses the write (the disk is full, a quota or
file-size limit is reached, an input/output error, or the storage backend raises, e.g. S3 unreachable):

- whatever part of the file was written is removed again, so no half file stays in the store;
- `store_upload` raises `RuleViolation` on the form's file field with a translated message, so the service's
  transaction is rolled back (no row points at a file that is not there) and the view shows the form again with
  what was typed; `save_bytes` raises `StorageFailure` for callers that are not a form (a stored PDF);
- the operator finds the cause in the log (logger `raad.storage`, with the traceback).

`raad/core/tests/test_filestore.py` checks that every service that writes a file goes through here.
"""

from __future__ import annotations

import errno
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _

from raad.core.errors import RuleViolation

log = logging.getLogger("raad.storage")

# The write failed because there is no room: disk full, a quota, a file-size limit.
NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


class StorageFailure(Exception):
    """The file store refused a write; nothing of the file is left in it."""

    def __init__(self, name: str, cause: BaseException) -> None:
        self.name = name
        self.cause = cause
        self.no_room = isinstance(cause, OSError) and cause.errno in NO_ROOM
        super().__init__(f"{name}: {cause!r}")

    @property
    def message(self) -> str:
        if self.no_room:
            return _(
                "Filen kunne ikke gemmes, fordi der ikke er plads på serveren. Intet er gemt. "
                "Prøv igen senere, eller kontakt sekretariatet."
            )
        return _(
            "Filen kunne ikke gemmes på grund af en fejl i fillageret. Intet er gemt. "
            "Prøv igen senere, eller kontakt sekretariatet."
        )


class _FieldProblem:
    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return self.message


def save_bytes(storage: Storage, name: str, data: bytes, *, max_length: int | None = None) -> str:
    """Store `data` under `name` (or the free name the storage picks) and return the name it got.

    The name is reserved first, so a failed write knows what to remove; a storage that still changes the name
    (another writer took it in between) is cleaned up under the name it was asked for."""
    target = storage.get_available_name(name, max_length=max_length)
    try:
        return storage.save(target, ContentFile(data), max_length=max_length)
    except Exception as error:  # noqa: BLE001 - any backend's error: logged with its traceback, then reported
        log.exception("Storage write failed for %s (%d bytes); removing what was written", target, len(data))
        try:
            if storage.exists(target):
                storage.delete(target)
        except Exception:  # noqa: BLE001 - the store is failing; the log says what could not be cleaned
            log.exception("Could not remove the partial file %s", target)
        raise StorageFailure(target, error) from error


def store_upload(file: FieldFile, name: str, data: bytes, *, field: str = "file") -> None:
    """`file.save(name, data, save=False)` for a model's FileField/ImageField, through `save_bytes`.

    On failure: `RuleViolation` on the form field `field`, after the partial file is removed; the caller's
    `@transaction.atomic` rolls back its rows."""
    model_field = file.field
    try:
        stored = save_bytes(
            file.storage,
            model_field.generate_filename(file.instance, name),
            data,
            max_length=model_field.max_length,
        )
    except StorageFailure as failure:
        raise RuleViolation([_FieldProblem(field, failure.message)]) from failure
    file.name = stored
    setattr(file.instance, model_field.attname, stored)
    file._committed = True  # type: ignore[attr-defined]  # as FieldFile.save does
