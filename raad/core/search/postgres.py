"""The PostgreSQL backend: the generated column `core_searchdocument.vector` (title weight A, body weight B, the
`danish` configuration, and the document's chunk) with a GIN index; matching with `plainto_tsquery('danish', …)`,
ranking with ts_rank; the filters are lexemes of the same vector.

A GIN index cannot stop early: matching a word in a third of a million rows builds a bitmap of all of them. So
the vector also carries a chunk lexeme, "§<quarter>": the document's date in quarters of CHUNK days since
EPOCH (migration core 0013_search_recency; no date: the oldest; the parser never keeps "§" in a word, so no
search text can match it), and a scan asks the newest quarters one after the other for the query AND that
chunk: PostgreSQL intersects the posting lists inside the index and the LIMIT stops the loop once enough matches
are found. A common word costs about one quarter; a query too rare to fill the limit from the newest quarters
asks for the older documents at once, and its bitmap is small because it is rare. The chunk is the date, not
the id, so "newest" is the same after a rebuild (which indexes kind by kind) as after the services' refreshes."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

from django.db import connection

CHUNK = 91  # days a chunk: the divisor in migration core 0013_search_recency; both must change together
EPOCH = "1900-01-01"  # day 0 of the chunks (the same migration)
PREFIX = {"kind": "§k", "council": "§c", "year": "§y", "purpose": "§p"}  # the filters' lexemes (core 0010)

NEWEST = 5  # chunks scanned one by one before the rest is asked at once

# The newest NEWEST chunks one by one, newest first (the newest: the quarter of the latest date, read from the
# date's index): OFFSET 0 keeps the planner from flattening the LATERAL subquery into a join it could drive from
# the documents' side, so the chunks drive a nested loop in the order of generate_series (an ORDER BY would make
# PostgreSQL read every chunk before the LIMIT). Only when they hold too few matches (the query is rare) does
# the LIMIT reach the second branch, which asks the index for the older documents at once: a rare query's bitmap
# is small (the day is computed, so no index on the date is drawn into it); they are sorted newest first (a
# top-N sort of their ids and days), and only those kept are ranked. An empty query (only stop words) matches
# nothing.
SCAN = """
WITH asked AS (SELECT plainto_tsquery('danish', %s) AS q),
     query AS (SELECT q, q{filters} AS qf,
                      least((SELECT coalesce(max(date), DATE '{epoch}') - DATE '{epoch}' FROM core_searchdocument)
                            / {chunk}, {last}) AS top
               FROM asked)
SELECT id, kind, council, council_name, year, date, purpose_keys, rank FROM (
  (SELECT m.*
   FROM query, generate_series(query.top, greatest(query.top - {newest} + 1, 0), -1) AS chunk(c),
        LATERAL (
          SELECT d.id, d.kind, d.council, d.council_name, d.year, d.date, d.purpose_keys,
                 {rank} AS rank
          FROM core_searchdocument AS d
          WHERE d.vector @@ (query.qf && ('§' || chunk.c::text)::tsquery)
          OFFSET 0
        ) AS m
   WHERE numnode(query.q) > 0)
  UNION ALL
  (SELECT d.id, d.kind, d.council, d.council_name, d.year, d.date, d.purpose_keys, {rank}
   FROM query, core_searchdocument AS d JOIN (
          SELECT o.id, coalesce(o.date, DATE '{epoch}') AS day
          FROM query, core_searchdocument AS o
          WHERE numnode(query.q) > 0 AND o.vector @@ query.qf
            AND coalesce(o.date, DATE '{epoch}') - DATE '{epoch}' < (query.top - {newest} + 1) * {chunk}
          ORDER BY day DESC, o.id DESC
          LIMIT %s
        ) AS older ON older.id = d.id
   ORDER BY older.day DESC, d.id DESC)
) AS found
LIMIT %s"""


def _quarter(day: datetime.date) -> int:
    """The chunk of a day (as the migration computes it)."""
    return (day - datetime.date.fromisoformat(EPOCH)).days // CHUNK


def _quoted(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def scan(terms: Sequence[str], filters: Mapping[str, object], *, limit: int, ranked: bool = True) -> list[tuple]:
    """Up to `limit` documents matching `terms` and `filters` (kind, council, year, purpose), newest quarter first,
    as (id, kind, council, council_name, year, date, purpose_keys, rank) rows; rank is higher for a better match,
    and 0 without `ranked` (ts_rank reads each row's whole vector: about a third of a scan's time).
    The filters are lexemes of the vector, so the index applies them, not a read of every row."""
    lexemes = " & ".join(_quoted(PREFIX[name] + str(value)) for name, value in filters.items())
    # A year filter: its matches are no newer than its last quarter, so the scan starts there.
    last = _quarter(datetime.date(int(str(filters["year"])), 12, 31)) if "year" in filters else "NULL"
    sql = SCAN.format(
        chunk=CHUNK,
        epoch=EPOCH,
        last=last,
        newest=NEWEST,
        filters=" && %s::tsquery" if lexemes else "",
        rank="ts_rank(d.vector, query.q)" if ranked else "0::real",
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [" ".join(terms), *([lexemes] if lexemes else []), limit, limit])
        return cursor.fetchall()


def written(documents: Sequence[object]) -> None:
    """Nothing to do: the vector is a generated column."""


def deleted(ids: Sequence[int]) -> None:
    """Nothing to do: the vector goes with its row."""


def cleared() -> None:
    """Nothing to do: the vector goes with its rows."""


def analysed() -> None:
    """After a kind is rebuilt: statistics of the new rows for the planner (a bulk load leaves them stale)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE core_searchdocument, core_searchpurpose")


def pruned() -> None:
    """Nothing to do: the vector is never without its row."""
