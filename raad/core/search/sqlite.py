"""The SQLite backend: the FTS5 table `core_search_fts` (rowid = the document's id) holds the title and body
stemmed in Python with the Danish Snowball stemmer, and the query is stemmed the same way; ranked with bm25,
title ten times the weight of the body."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection
from django.db.models import QuerySet

from .models import SearchDocument
from .stemming import stem, stemmed

TABLE = "core_search_fts"
MATCH = f"core_searchdocument.id IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s)"  # noqa: S608  (constant SQL; values are parameters)

# The table, column and index are made by migration core 0009_search_index.


def _fts_query(terms: Sequence[str]) -> str:
    """Every term's stem as a quoted FTS5 string (terms are word characters only), all of them required."""
    return " ".join('"' + stem(t).replace('"', "") + '"' for t in terms)


def match(qs: QuerySet[SearchDocument], terms: Sequence[str]) -> QuerySet[SearchDocument]:
    return qs.extra(where=[MATCH], params=[_fts_query(terms)])  # noqa: S610  (constant SQL; values are parameters)


def ranked(qs: QuerySet[SearchDocument], terms: Sequence[str], *, offset: int, limit: int) -> list[SearchDocument]:
    ids_sql, ids_params = qs.values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid IN ({ids_sql}) "  # noqa: S608  (constant SQL; values are parameters)
            f"ORDER BY bm25({TABLE}, 10.0, 1.0), rowid LIMIT %s OFFSET %s",
            [_fts_query(terms), *ids_params, limit, offset],
        )
        ids = [row[0] for row in cursor.fetchall()]
    found = SearchDocument.objects.in_bulk(ids)
    return [found[i] for i in ids if i in found]


def deleted(ids: Sequence[int]) -> None:
    if not ids:
        return
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})", chunk)  # noqa: S608  (constant SQL; values are parameters)


def written(documents: Sequence[SearchDocument]) -> None:
    """Index new rows (any stale row of the same id, left by a flushed table, is dropped first)."""
    deleted([d.pk for d in documents])
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, title, body) VALUES (%s, %s, %s)",  # noqa: S608  (constant SQL; values are parameters)
            [(d.pk, stemmed(d.title), stemmed(d.body)) for d in documents],
        )


def cleared() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608  (constant SQL; values are parameters)
