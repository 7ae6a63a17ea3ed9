"""The sources of the search index: each domain app registers what it publishes (docs/search.md).

In the app's AppConfig.ready():

    search.register_source(kind="minutes", label=_("Referat"), documents=selectors.search_minutes, order=30)

`documents(groups)` is a selector built on the app's `public_…` selectors: it yields a `Document` for every
public thing in `groups` (all of them when `groups` is None). A group is what the app re-reads together when
something changes (a meeting, a statement); a thing that is no longer public is simply not yielded, and the
index drops it. Core knows no app: the registry is filled from the apps' ready().
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Document:
    group: str  # the unit the source re-reads (e.g. a meeting's pk)
    key: str  # unique within the kind
    title: str
    body: str
    url: str  # the Danish path (reverse() under Danish); other languages get it translated
    council: str = ""  # slug
    council_name: str = ""
    date: datetime.date | None = None
    language: str = "da"
    purposes: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (key, label)

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None


@dataclass(frozen=True)
class Source:
    kind: str
    label: Any  # a lazy translated string
    documents: Callable[[Iterable[str] | None], Iterable[Document]]
    order: int


_sources: dict[str, Source] = {}


def register_source(
    *, kind: str, label: Any, documents: Callable[[Iterable[str] | None], Iterable[Document]], order: int
) -> None:
    """Add a source; registering the same kind again replaces it (ready() may run twice in tests)."""
    _sources[kind] = Source(kind=kind, label=label, documents=documents, order=order)


def sources() -> list[Source]:
    return sorted(_sources.values(), key=lambda s: (s.order, s.kind))


def source(kind: str) -> Source | None:
    return _sources.get(kind)


def group_pks(groups: Iterable[str] | None) -> set[int] | None:
    """The primary keys `groups` names (None: every group), for a source whose group is a pk; anything that is
    not a number names nothing."""
    return None if groups is None else {int(g) for g in groups if str(g).isdigit()}


def batches(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """`items` `size` at a time: a source or the index reads and writes the whole installation in bounded
    memory and statements of bounded length."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
