"""The SQLite backend: the FTS5 table `core_search_fts` (rowid = the document's id) holds the title and body
stemmed in Python with the Danish Snowball stemmer, and the query is stemmed the same way; ranked with bm25,
title ten times the weight of the body. A scan returns the newest matches by the document's date (as
PostgreSQL's quarters; no date: the oldest) up to its limit: SQLite sorts all matches, which is what one
municipality's index costs (docs/search.md "At scale")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.db import connection

from .models import SearchDocument
from .registry import batches
from .stemming import stem, stemmed

TABLE = "core_search_fts"

# The table, column and index are made by migration core 0009_search_index.


def _fts_query(terms: Sequence[str]) -> str:
    """Every term's stem as a quoted FTS5 string (terms are word characters only), all of them required."""
    return " ".join('"' + stem(t).replace('"', "") + '"' for t in terms)


SCAN = f"""
SELECT d.id, d.kind, d.council, d.council_name, d.year, d.date, d.purpose_keys, {{rank}}
FROM {TABLE} JOIN core_searchdocument AS d ON d.id = {TABLE}.rowid
WHERE {TABLE} MATCH %s{{where}}
ORDER BY coalesce(d.date, '1900-01-01') DESC, d.id DESC
LIMIT %s"""  # noqa: S608  (constant SQL; values are parameters)
WHERE = {
    "kind": "d.kind = %s",
    "council": "d.council = %s",
    "year": "d.year = %s",
    "purpose": "EXISTS (SELECT 1 FROM core_searchpurpose AS p WHERE p.document_id = d.id AND p.key = %s)",
}


def scan(terms: Sequence[str], filters: Mapping[str, object], *, limit: int, ranked: bool = True) -> list[tuple]:
    """Up to `limit` documents matching `terms` and `filters` (kind, council, year, purpose), newest first, as
    (id, kind, council, council_name, year, date, purpose_keys, rank) rows; rank is higher for a better match
    (bm25 is lower for a better one, hence the minus), and 0 without `ranked`."""
    sql = SCAN.format(
        where="".join(f" AND {WHERE[name]}" for name in filters),
        rank=f"-bm25({TABLE}, 10.0, 1.0)" if ranked else "0.0",
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [_fts_query(terms), *(str(value) for value in filters.values()), limit])
        return cursor.fetchall()


def deleted(ids: Sequence[int]) -> None:
    if not ids:
        return
    with connection.cursor() as cursor:
        for chunk in batches(list(ids), 500):
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})", chunk)  # noqa: S608  (constant SQL; values are parameters)


def written(documents: Sequence[SearchDocument]) -> None:
    """Index new rows (any stale row of the same id, left by a flushed table, is dropped first)."""
    deleted([d.pk for d in documents])
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, title, body) VALUES (%s, %s, %s)",  # noqa: S608  (constant SQL; values are parameters)
            [(d.pk, stemmed(d.title), stemmed(d.body)) for d in documents],
        )


def analysed() -> None:
    """Nothing to do: SQLite plans these tables' queries without statistics."""


def pruned() -> None:
    """Drop full-text rows whose document is gone (a test's flushed table leaves them)."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE rowid NOT IN (SELECT id FROM core_searchdocument)")  # noqa: S608  (constant SQL)


def cleared() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608  (constant SQL; values are parameters)
