"""Full-text search over everything public, one module behind both databases (docs/search.md).

- `register_source(kind=…, label=…, documents=…, order=…)`: a domain app's public content (registry.py)
- `refresh_on_commit(kind, *groups)`: what publishing and unpublishing services call (index.py)
- `rebuild()`: the whole index again (`manage.py search_reindex`)
- `parse(params)` and `search(query)`: the search page (query.py, results.py)
"""

from __future__ import annotations

from typing import Any

from .query import BadQuery, SearchQuery, parse
from .registry import Document, Source, batches, group_pks, register_source, sources

__all__ = [
    "BadQuery",
    "Document",
    "SearchQuery",
    "Source",
    "batches",
    "group_pks",
    "parse",
    "rebuild",
    "refresh",
    "refresh_on_commit",
    "register_source",
    "search",
    "sources",
]


def refresh(kind: str, groups: Any) -> None:
    from .index import refresh as run

    run(kind, groups)


def refresh_on_commit(kind: str, *groups: object) -> None:
    from .index import refresh_on_commit as run

    run(kind, *groups)


def rebuild(progress: Any = None) -> dict[str, int]:
    from .index import rebuild as run

    return run(progress)


def search(query: SearchQuery, **kwargs: Any) -> Any:
    from .results import search as run

    return run(query, **kwargs)
