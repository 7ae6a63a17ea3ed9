"""The PostgreSQL backend: the generated column `core_searchdocument.vector` (title weight A, body weight B, the
`danish` configuration) with a GIN index; matching with `plainto_tsquery('danish', …)`, ranking with ts_rank."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import FloatField, QuerySet
from django.db.models.expressions import RawSQL

from .models import SearchDocument

MATCH = "core_searchdocument.vector @@ plainto_tsquery('danish', %s)"
RANK = "ts_rank(core_searchdocument.vector, plainto_tsquery('danish', %s))"

# The table, column and index are made by migration core 0009_search_index.


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
