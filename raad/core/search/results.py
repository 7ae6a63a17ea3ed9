"""Answering a search: ranked hits with highlighted snippets, filter counts and pagination, in a fixed number
of queries whatever the size of the index."""

from __future__ import annotations

import datetime
import html
import re
from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, NamedTuple

from django.conf import settings
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
# ranked among the CANDIDATES newest matches (by the date of what they are about): a word in a third of a million paragraphs
# costs what a thousand cost.
CAP = 1000
CANDIDATES = 1000
VALUES = 250  # matches a capped search reads for the values of a filter that is set
# Values a filter lists at most: the most frequent and the one chosen (a national search finds hundreds of
# councils); the rest are counted in `Results.more`.
FACET_VALUES = 12
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
    more: dict[str, int] = field(default_factory=dict)  # values a filter has beyond those it lists


def highlight(text: str, stems: set[str], *, window: int | None = SNIPPET_WORDS) -> SafeString:
    """`text` HTML-escaped, the words whose stem is searched for in <mark>; with `window`, only about that many
    words around the first match (or the start), cut with "…". (html.escape is what Django's escape calls, without
    its lazy-string wrapper per piece: half the time of a page's 20 snippets.)"""
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
            out.append(f"<mark>{html.escape(piece)}</mark>")
        else:
            out.append(html.escape(piece))
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


class Match(NamedTuple):
    """A row of a scan: what the filters count and the ranking needs, without the text (a tuple: a scan makes
    up to CANDIDATES of them)."""

    id: int
    kind: str
    council: str
    council_name: str
    year: int | None
    date: datetime.date | None
    purpose_keys: str
    rank: float


def _scan(query: SearchQuery, *, limit: int, skip: str = "", ranked: bool = True) -> list[Match]:
    """The newest `limit` matches of `query` with every filter set but `skip` (rank 0 unless `ranked`)."""
    filters = {name: value for name, value in query.filters.items() if value and name != skip}
    return list(map(Match._make, backend().scan(query.terms, filters, limit=limit, ranked=ranked)))


def _counted(matches: list[Match], *fields: str) -> list[dict[str, Any]]:
    """Rows of `fields` with the number `n` of matches that have them, ordered by the fields."""
    counts = Counter(map(attrgetter(*fields), matches))
    if len(fields) == 1:
        counts = Counter({(value,): n for value, n in counts.items()})
    rows = [dict(zip(fields, values, strict=True), n=n) for values, n in counts.items()]
    return sorted(rows, key=lambda r: tuple(str(r[f] or "") for f in fields))


def _best(matches: list[Match]) -> list[Match]:
    """Best first: rank, then the newest date, then the lowest id."""
    return sorted(matches, key=lambda m: (-m.rank, -(m.date or datetime.date.min).toordinal(), m.id))


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


def _most(rows: list[dict[str, Any]], field_name: str, selected: object) -> tuple[list[dict[str, Any]], int]:
    """The FACET_VALUES most frequent values of `rows` (counted among the matches read, also when the counts are
    not shown) and the chosen one, in their order; and how many are left out."""
    rows = [r for r in rows if r[field_name] not in ("", None)]
    ranked = sorted(range(len(rows)), key=lambda i: (str(rows[i][field_name]) != str(selected), -rows[i]["n"], i))
    kept = sorted(ranked[:FACET_VALUES])
    return [rows[i] for i in kept], len(rows) - len(kept)


def _labels(matches: list[Match]) -> list[tuple[str, str]]:
    """The label of each purpose key among `matches`, by label: read from one document per key (an index probe
    each), not from every row that has the key."""
    one_of_each = {key: m.id for m in matches for key in m.purpose_keys.split()}
    rows = SearchPurpose.objects.filter(document_id__in=set(one_of_each.values()), key__in=list(one_of_each))
    labels = dict(rows.values_list("key", "label"))
    return sorted(labels.items(), key=lambda item: item[1])


def search(query: SearchQuery, *, per_page: int = PER_PAGE) -> Results:
    """The page of hits `query` asks for, with the values of every filter (each with the other filters applied)
    and their counts. Up to CAP matches everything is exact; above it the total reads "more than CAP", the
    filters list the values found among the newest CAP + 1 matches without counts, and the hits are the best
    among the CANDIDATES newest matches, so a search costs about the same whether a word is in a thousand
    paragraphs or in a million. One scan, one per filter set, the purposes and the page: at most 7 queries.
    Raises BadQuery for a page past the last one."""
    results = Results(query=query)
    if not query.terms:
        return results
    candidates = _scan(query, limit=max(CANDIDATES, CAP + 1))
    found = candidates[: CAP + 1]
    results.capped = len(found) > CAP
    results.total = min(len(found), CAP)
    results.pages = max(1, -(-results.total // per_page))
    if query.page > results.pages:
        raise BadQuery(
            _("Siden findes ikke: resultaterne fylder %(pages)s side(r). Gå til side 1.") % {"pages": results.pages}
        )

    def without(name: str) -> list[Match]:
        """The matches of every filter but `name` (the same as `found` when that filter is not set). When the
        search is capped, so is every such wider one: its filter shows values without counts, read from the
        newest VALUES matches. They only count, so they are not ranked."""
        if not query.filters[name]:
            return found
        return _scan(query, limit=min(VALUES, CAP + 1) if results.capped else CAP + 1, skip=name, ranked=False)

    labels = {s.kind: s.label for s in registry.sources()}
    facets: dict[str, tuple[list[dict[str, Any]], bool]] = {}
    for name, fields in (("kind", ("kind",)), ("council", ("council", "council_name")), ("year", ("year",))):
        sample = without(name)
        facets[name] = (_counted(sample, *fields), len(sample) <= CAP)
    years, years_exact = facets["year"]
    years.sort(key=lambda r: r["year"] or 0, reverse=True)
    councils, councils_exact = facets["council"]
    # A purpose is one council's (its kommissorium): offered once the matches are of one council.
    purposes: list[dict[str, Any]] = []
    purposes_exact = True
    if query.council or query.purpose or len(councils) == 1:
        purpose_sample = without("purpose")
        purpose_counts = Counter(key for m in purpose_sample for key in m.purpose_keys.split())
        purposes = [{"key": key, "label": label, "n": purpose_counts[key]} for key, label in _labels(purpose_sample)]
        purposes_exact = len(purpose_sample) <= CAP
    order = {kind: i for i, kind in enumerate(labels)}
    kinds, kinds_exact = facets["kind"]
    councils, results.more["raad"] = _most(councils, "council", query.council)
    purposes, results.more["formaal"] = _most(purposes, "key", query.purpose)
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
    start = (query.page - 1) * per_page
    ids = [m.id for m in _best(candidates)[start : start + per_page]]
    documents = SearchDocument.objects.in_bulk(ids) if ids else {}
    page = [documents[i] for i in ids if i in documents]
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
