"""Keeping the index: `refresh(kind, groups)` re-reads groups from their source, `rebuild()` everything.

The publishing and unpublishing services call `refresh_on_commit` explicitly (never a signal): the index is
re-read from the public selectors once the change is committed, so it holds exactly what is public."""

from __future__ import annotations

import logging
from collections.abc import Iterable
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
    backend().deleted(ids)
    SearchPurpose.objects.filter(document_id__in=ids)._raw_delete(SearchPurpose.objects.db)
    SearchDocument.objects.filter(id__in=ids)._raw_delete(SearchDocument.objects.db)


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


@transaction.atomic
def rebuild() -> dict[str, int]:
    """Empty the index and fill it from every source (idempotent). Returns the number of documents per kind."""
    backend().cleared()
    SearchPurpose.objects.all()._raw_delete(SearchPurpose.objects.db)
    SearchDocument.objects.all()._raw_delete(SearchDocument.objects.db)
    counts = {}
    with translation.override(settings.LANGUAGE_CODE):
        for source in registry.sources():
            counts[source.kind] = _insert(source.kind, source.documents(None))
    return counts


def refill_backend() -> None:
    """Fill the database's full-text part again from the index table (SQLite's FTS5 table after rows were
    copied in directly, as the tests' demo snapshot does); nothing to do on PostgreSQL (a generated column)."""
    db = backend()
    db.cleared()
    ids = list(SearchDocument.objects.order_by("id").values_list("id", flat=True))
    for start in range(0, len(ids), BATCH):
        db.written(list(SearchDocument.objects.filter(id__in=ids[start : start + BATCH])))
