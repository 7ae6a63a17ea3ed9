"""The PostgreSQL backend: the generated column `core_searchdocument.vector` (title weight A, body weight B, the
`danish` configuration) with a GIN index; matching with `plainto_tsquery('danish', …)`, ranking with ts_rank."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import FloatField, QuerySet
from django.db.models.expressions import RawSQL

from .models import SearchDocument

MATCH = "core_searchdocument.vector @@ plainto_tsquery('danish', %s)"
RANK = "ts_rank(core_searchdocument.vector, plainto_tsquery('danish', %s))"

# Migration 0008_search_index
UP = [
    """ALTER TABLE core_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS (
         setweight(to_tsvector('danish'::regconfig, coalesce(title, '')), 'A')
         || setweight(to_tsvector('danish'::regconfig, coalesce(body, '')), 'B')) STORED""",
    "CREATE INDEX core_searchdocument_vector ON core_searchdocument USING gin (vector)",
]
DOWN = [
    "DROP INDEX IF EXISTS core_searchdocument_vector",
    "ALTER TABLE core_searchdocument DROP COLUMN IF EXISTS vector",
]


def _text(terms: Sequence[str]) -> str:
    return " ".join(terms)


def match(qs: QuerySet[SearchDocument], terms: Sequence[str]) -> QuerySet[SearchDocument]:
    return qs.extra(where=[MATCH], params=[_text(terms)])  # noqa: S610  (constant SQL; values are parameters)


def ranked(qs: QuerySet[SearchDocument], terms: Sequence[str], *, offset: int, limit: int) -> list[SearchDocument]:
    rank = RawSQL(RANK, [_text(terms)], output_field=FloatField())  # noqa: S611  (constant SQL; values are parameters)
    return list(qs.annotate(rank=rank).order_by("-rank", "-date", "id")[offset : offset + limit])


def written(documents: Sequence[SearchDocument]) -> None:
    """Nothing to do: the vector is a generated column."""


def deleted(ids: Sequence[int]) -> None:
    """Nothing to do: the vector goes with its row."""


def cleared() -> None:
    pass
