"""`generate()`: the whole installation, one municipality per transaction (so memory stays bounded by one
municipality's rows, about 8,000 agenda items at the Denmark tier), then the search index."""

from __future__ import annotations

import datetime
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import reset_queries, transaction
from django.utils import timezone

from raad.core import search
from raad.councils.models import Municipality

from .community import build_community
from .councils import build_municipality
from .meetings import build_meetings
from .statements import build_statements
from .tiers import COUNCIL_KINDS, Tier
from .writer import Writer


@dataclass
class Result:
    counts: dict[str, int]
    seconds: dict[str, float]
    paragraphs: int
    index: dict[str, int] = field(default_factory=dict)
    total_seconds: float = 0.0


def generate(
    tier: Tier,
    *,
    seed: int = 1,
    now: datetime.datetime | None = None,
    index: bool = True,
    progress: Callable[[str], None] | None = None,
) -> Result:
    """Build `tier` into the (empty) database. The years are the `tier.years` calendar years up to and including
    the current one; meetings and statements before `now` are held, approved, sent and published."""
    started = time.perf_counter()
    now = now or timezone.now()
    last_year = timezone.localtime(now).year
    years = list(range(last_year - tier.years + 1, last_year + 1))
    w = Writer()
    paragraphs = 0
    counter = [0]
    # A run with --force into a database that has generated municipalities numbers its own after them; what it
    # builds follows from the seed and the municipality's place in this run only.
    offset = Municipality.objects.filter(code__startswith="S").count()
    for run_no in range(1, tier.municipalities + 1):
        rng = random.Random(f"{seed}-{run_no}")
        with transaction.atomic():
            councils = build_municipality(
                w,
                rng,
                number=offset + run_no,
                first_council_no=(run_no - 1) * len(COUNCIL_KINDS),
                first_year=years[0],
                last_year=last_year,
                today=timezone.localdate(now),
            )
            paragraphs += len(councils) + len(councils) * 3  # kommissorium introductions, purposes
            for council in councils:
                paragraphs += build_meetings(w, rng, council, years=years, now=now, counter=counter)
                paragraphs += build_statements(w, rng, council, years=years, now=now)
                paragraphs += build_community(w, rng, council, years=years, now=now)
        reset_queries()  # with DEBUG on, Django keeps the last 9,000 statements, bulk inserts of 5,000 rows among them
        if progress:
            progress(f"municipality {run_no}/{tier.municipalities} ({time.perf_counter() - started:.0f} s)")
    result = Result(counts=dict(w.counts), seconds=dict(w.seconds), paragraphs=paragraphs)
    if index:
        index_started = time.perf_counter()
        result.index = search.rebuild()
        result.seconds["core_searchdocument (search.rebuild)"] = time.perf_counter() - index_started
        result.counts["core_searchdocument (search.rebuild)"] = sum(result.index.values())
    result.total_seconds = time.perf_counter() - started
    return result
