"""Keeping the index: `refresh(kind, groups)` re-reads groups from their source, `rebuild()` everything.

The publishing and unpublishing services call `refresh_on_commit` explicitly (never a signal): the index is
re-read from the public selectors once the change is committed, so it holds exactly what is public."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from types import ModuleType

from django.conf import settings
from django.db import connection, transaction
from django.utils import translation

from . import registry
from .models import SearchDocument, SearchPurpose

logger = logging.getLogger(__name__)
BATCH = 1000


def backend() -> ModuleType:
    if connection.vendor == "postgresql":
        from . import postgres

        return postgres
    from . import sqlite

    return sqlite


def _insert(kind: str, documents: Iterable[registry.Document]) -> int:
    rows: list[tuple[SearchDocument, registry.Document]] = []
    count = 0

    def flush() -> None:
        created = SearchDocument.objects.bulk_create([row for row, _ in rows])
        SearchPurpose.objects.bulk_create(
            SearchPurpose(document=row, key=key, label=label[:400])
            for row, doc in zip(created, (d for _, d in rows), strict=True)
            for key, label in doc.purposes
        )
        backend().written(created)
        rows.clear()

    for doc in documents:
        row = SearchDocument(
            kind=kind,
            group=str(doc.group),
            key=str(doc.key),
            title=doc.title[:500],
            body=doc.body,
            url=doc.url,
            language=doc.language,
            council=doc.council,
            council_name=doc.council_name,
            year=doc.year,
            date=doc.date,
            purpose_keys=" ".join(str(key) for key, _label in doc.purposes),
        )
        rows.append((row, doc))
        count += 1
        if len(rows) >= BATCH:
            flush()
    if rows:
        flush()
    return count


def _delete(ids: list[int]) -> None:
    """Delete documents by id with their purposes and full-text rows, BATCH at a time: by primary key and the
    purposes' foreign-key index, so the plan never depends on statistics a bulk load has just made stale."""
    for chunk in registry.batches(ids, BATCH):
        backend().deleted(chunk)
        SearchPurpose.objects.filter(document_id__in=chunk)._raw_delete(SearchPurpose.objects.db)
        SearchDocument.objects.filter(id__in=chunk)._raw_delete(SearchDocument.objects.db)


@transaction.atomic
def refresh(kind: str, groups: Iterable[object]) -> None:
    """Re-read `groups` of `kind` from its source: what is no longer public leaves the index."""
    source = registry.source(kind)
    groups = sorted({str(g) for g in groups})
    if source is None or not groups:
        return
    with translation.override(settings.LANGUAGE_CODE):
        documents = [d for d in source.documents(groups) if str(d.group) in groups]
    keys = [str(d.key) for d in documents]
    stale = SearchDocument.objects.filter(kind=kind, group__in=groups) | SearchDocument.objects.filter(
        kind=kind, key__in=keys
    )
    _delete(list(stale.values_list("id", flat=True)))
    _insert(kind, documents)


def refresh_on_commit(kind: str, *groups: object) -> None:
    """What a publishing or unpublishing service calls: refresh once the transaction commits."""
    groups_now = [str(g) for g in groups]
    transaction.on_commit(lambda: refresh(kind, groups_now))


def rebuild(progress: Callable[[str, int, float], None] | None = None) -> dict[str, int]:
    """Fill the index again from every source (idempotent). Returns the number of documents per kind.

    One kind at a time, each in its own transaction: its documents are deleted and read again from its source.
    Readers keep the kind's old documents until its new ones are committed (PostgreSQL; SQLite waits for the
    writer). A failure keeps the kinds already done, and no transaction holds every document of the
    installation (at Denmark scale well over a million). `progress(kind, documents, seconds)` is told after each
    kind."""
    kinds = [source.kind for source in registry.sources()]
    with transaction.atomic():  # what no source yields any more, and what the full-text part holds in vain
        _delete(list(SearchDocument.objects.exclude(kind__in=kinds).values_list("id", flat=True)))
        backend().pruned()
    counts = {}
    for source in registry.sources():
        began = time.monotonic()
        with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
            _delete(list(SearchDocument.objects.filter(kind=source.kind).values_list("id", flat=True)))
            counts[source.kind] = _insert(source.kind, source.documents(None))
        backend().analysed()  # the planner learns the new rows at once, not at the next autovacuum
        if progress is not None:
            progress(source.kind, counts[source.kind], time.monotonic() - began)
    return counts


def refill_backend() -> None:
    """Fill the database's full-text part again from the index table (SQLite's FTS5 table after rows were
    copied in directly, as the tests' demo snapshot does); nothing to do on PostgreSQL (a generated column)."""
    db = backend()
    db.cleared()
    ids = list(SearchDocument.objects.order_by("id").values_list("id", flat=True))
    for chunk in registry.batches(ids, BATCH):
        db.written(list(SearchDocument.objects.filter(id__in=chunk)))
