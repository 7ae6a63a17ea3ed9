"""Answering a search: ranked hits with highlighted snippets, filter counts and pagination, in a fixed number
of queries whatever the size of the index."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import registry
from .index import backend
from .models import SearchDocument, SearchPurpose
from .query import BadQuery, SearchQuery
from .stemming import stem

PER_PAGE = 20
# Matches counted exactly. Above it a search says "more than 1.000", its filters show no counts, and the hits are
# ranked among the first CANDIDATES matches: a word in a third of a million paragraphs costs what 1.000 cost.
CAP = 1000
CANDIDATES = 2000
SNIPPET_WORDS = 32
SCAN_WORDS = 5000  # a snippet looks for a match this far into a text, then shows its start
TOKENS = re.compile(r"(\w+)", re.UNICODE)


@dataclass(frozen=True)
class Facet:
    value: str
    label: str
    count: int | None  # None above CAP: the value occurs, how often is not counted
    selected: bool


@dataclass(frozen=True)
class Hit:
    kind: str
    kind_label: str
    title: SafeString
    snippet: SafeString
    url: str
    council_name: str
    date: datetime.date | None


@dataclass
class Results:
    query: SearchQuery
    total: int = 0
    capped: bool = False  # more than CAP matches: `total` is CAP, read "more than"
    pages: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[Facet]] = field(default_factory=dict)


def highlight(text: str, stems: set[str], *, window: int | None = SNIPPET_WORDS) -> SafeString:
    """`text` HTML-escaped, the words whose stem is searched for in <mark>; with `window`, only about that many
    words around the first match (or the start), cut with "…"."""
    parts = TOKENS.split(text)  # even indexes: the text between words; odd: words
    start, end = 0, len(parts)
    if window is not None:
        first = next(
            (i for i in range(1, min(len(parts), SCAN_WORDS * 2), 2) if stem(parts[i]) in stems),
            1,
        )
        start = max(0, first - window // 3 * 2)
        start -= start % 2  # begin on the text before a word
        end = min(len(parts), start + window * 2)
    out = []
    for i in range(start, end):
        piece = parts[i]
        if i % 2 and stem(piece) in stems:
            out.append(f"<mark>{escape(piece)}</mark>")
        else:
            out.append(escape(piece))
    snippet = "".join(out).strip()
    if window is not None:
        snippet = ("… " if start > 0 else "") + snippet + (" …" if end < len(parts) else "")
    return mark_safe(snippet)  # noqa: S308  (every piece escaped above)


def localized_url(path: str, language: str | None = None) -> str:
    """The Danish path in the reader's language (the site's URLs carry a language prefix, nothing else)."""
    language = language or get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return path
    return f"/{language}{path}"


def _filtered(qs: QuerySet, query: SearchQuery, *, skip: str = "", prefix: str = "") -> QuerySet:
    if query.kind and skip != "kind":
        qs = qs.filter(**{f"{prefix}kind": query.kind})
    if query.council and skip != "council":
        qs = qs.filter(**{f"{prefix}council": query.council})
    if query.year and skip != "year":
        qs = qs.filter(**{f"{prefix}year": query.year})
    if query.purpose and skip != "purpose":
        qs = qs.filter(**{f"{prefix}id__in": SearchPurpose.objects.filter(key=query.purpose).values("document_id")})
    return qs


def _facet(rows: list[dict[str, Any]], field_name: str, label: Any, selected: object, *, counted: bool) -> list[Facet]:
    return [
        Facet(
            value=str(r[field_name]),
            label=str(label(r)),
            count=r["n"] if counted else None,
            selected=str(r[field_name]) == str(selected),
        )
        for r in rows
        if r[field_name] not in ("", None)
    ]


def _ids(qs: QuerySet, limit: int) -> list[int]:
    """The ids of at most `limit` documents of `qs` (one query that stops at the limit)."""
    return list(qs.values_list("id", flat=True)[:limit])


def _grouped(ids: list[int], *fields: str) -> tuple[list[dict[str, Any]], bool]:
    """Counts per value of `fields` over the documents `ids`, and whether they are exact (no more than CAP)."""
    rows = list(SearchDocument.objects.filter(id__in=ids).values(*fields).annotate(n=Count("id")).order_by(*fields))
    return rows, len(ids) <= CAP


def search(query: SearchQuery, *, per_page: int = PER_PAGE) -> Results:
    """The page of hits `query` asks for, with the values of every filter (each with the other filters applied)
    and their counts. Up to CAP matches everything is exact; above it the total reads "more than CAP", the
    filters list the values found among the first CAP + 1 matches without counts, and the hits are the best
    among the first CANDIDATES matches, so a search costs the same whether a word is in a thousand paragraphs or
    in a million. Raises BadQuery for a page past the last one."""
    results = Results(query=query)
    if not query.terms:
        return results
    db = backend()
    matched = db.match(SearchDocument.objects.all(), query.terms)
    qs = _filtered(matched, query)
    found = _ids(qs, CAP + 1)
    results.capped = len(found) > CAP
    results.total = min(len(found), CAP)
    results.pages = max(1, -(-results.total // per_page))
    if query.page > results.pages:
        raise BadQuery(
            _("Siden findes ikke: resultaterne fylder %(pages)s side(r). Gå til side 1.") % {"pages": results.pages}
        )
    samples: dict[str, list[int]] = {}

    def without(name: str) -> list[int]:
        """The ids matching every filter but `name` (the same as `found` when that filter is not set)."""
        if not getattr(query, {"kind": "kind", "council": "council", "year": "year", "purpose": "purpose"}[name]):
            return found
        if name not in samples:
            samples[name] = _ids(_filtered(matched, query, skip=name), CAP + 1)
        return samples[name]

    labels = {s.kind: s.label for s in registry.sources()}
    kinds, kinds_exact = _grouped(without("kind"), "kind")
    councils, councils_exact = _grouped(without("council"), "council", "council_name")
    years, years_exact = _grouped(without("year"), "year")
    years.sort(key=lambda r: r["year"] or 0, reverse=True)
    purpose_ids = without("purpose")
    purposes = list(
        SearchPurpose.objects.filter(document_id__in=purpose_ids)
        .values("key", "label")
        .annotate(n=Count("document", distinct=True))
        .order_by("label")
    )
    purposes_exact = len(purpose_ids) <= CAP
    order = {kind: i for i, kind in enumerate(labels)}
    results.facets = {
        "art": sorted(
            _facet(kinds, "kind", lambda r: labels.get(r["kind"], r["kind"]), query.kind, counted=kinds_exact),
            key=lambda f: order.get(f.value, 99),
        ),
        "raad": _facet(councils, "council", lambda r: r["council_name"], query.council, counted=councils_exact),
        "aar": _facet(years, "year", lambda r: r["year"], query.year or "", counted=years_exact),
        "formaal": _facet(purposes, "key", lambda r: r["label"], query.purpose, counted=purposes_exact),
    }
    stems = {stem(t) for t in query.terms}
    candidate_ids = _ids(qs, CANDIDATES) if results.capped else found
    candidates = SearchDocument.objects.filter(id__in=candidate_ids)
    page = db.ranked(candidates, query.terms, offset=(query.page - 1) * per_page, limit=per_page) if found else []
    results.hits = [
        Hit(
            kind=doc.kind,
            kind_label=str(labels.get(doc.kind, doc.kind)),
            title=highlight(doc.title, stems, window=None),
            snippet=highlight(doc.body, stems),
            url=localized_url(doc.url),
            council_name=doc.council_name,
            date=doc.date,
        )
        for doc in page
    ]
    return results
