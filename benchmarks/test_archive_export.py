"""The yearly archive export (R34) streams with bounded memory: the same export of a council-year with N and
with 4N rows (meetings, agenda items, decisions, statements, audit entries), the ZIP sent to a sink that keeps
nothing (as the HTTP response does), each export in a forked child whose peak resident memory (maxrss) above
its start is measured (tracemalloc slows WeasyPrint six-fold). Against a floor
measured in the same run: rendering the largest single member (one meeting's PDF/A). Not part of the test suite;
figures in docs/benchmarks.md.

    .venv/bin/python -m pytest -p no:cacheprovider benchmarks/test_archive_export.py --benchmark-only -q

Size: RAAD_BENCH_ARCHIVE_MEETINGS meetings for N (default 6; 4N has four times as many), each with 80 items
and their decisions, 10 statements per 6 meetings, and 5,000 audit entries per meeting. The rows are made
with bulk_create (here only), so generation takes seconds.
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import resource
import time
import zoneinfo

import pytest
from django.utils import timezone

from raad.core.models import AuditEntry
from raad.councils.models import Council
from raad.meetings.models import AgendaItem, Decision, Meeting
from raad.secretariat.archive import build, collect, render
from raad.secretariat.archive.writer import stream_zip
from raad.statements.models import Committee, Statement, StatementVersion
from raad.testing.cast import make_council

pytestmark = pytest.mark.django_db
logger = logging.getLogger(__name__)
CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")
YEAR = timezone.localdate().year  # audit entries are stamped now (auto_now_add), so the year is this one
ITEMS = 80
AUDIT_PER_MEETING = 5000
TEXT = "Rådet drøftede sagen og besluttede at anbefale forslaget med de bemærkninger, der fremgår af sagen. "


def generate(council: Council, meetings: int) -> None:
    start = datetime.datetime(YEAR, 1, 10, 17, tzinfo=CPH)
    made = Meeting.objects.bulk_create(
        Meeting(council=council, starts_at=start + datetime.timedelta(days=7 * i), status="held", place="Rådhuset")
        for i in range(meetings)
    )
    items = AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting,
            position=p,
            title=f"Punkt {p}: sag om integration nr. {meeting.pk}-{p}",
            proposed_decision="Rådet anbefaler forslaget.",
            is_closed=p % 10 == 0,
        )
        for meeting in made
        for p in range(1, ITEMS + 1)
    )
    by_meeting = {m.pk: m for m in made}
    Decision.objects.bulk_create(
        Decision(item=item, text=TEXT * 2, outcome="adopted", decided_at=by_meeting[item.meeting_id].starts_at)
        for item in items
    )
    committee = Committee.objects.create(municipality=council.municipality, name=f"Udvalg {council.slug}")
    statements = Statement.objects.bulk_create(
        Statement(
            council=council,
            kind="statement",
            title=f"Udtalelse {i}",
            recipient=committee,
            status="adopted",
            adoption_route="written",
            adopted_on=datetime.date(YEAR, 1, 1) + datetime.timedelta(days=i),
        )
        for i in range(max(1, meetings * 10 // 6))
    )
    StatementVersion.objects.bulk_create(StatementVersion(statement=s, number=1, text=TEXT * 20) for s in statements)
    for _chunk in range(meetings):
        AuditEntry.objects.bulk_create(
            AuditEntry(
                actor_label="system",
                verb="item.changed",
                council_id=council.pk,
                target_label="Punkt",
                changes={"title": {"before": "a", "after": "b"}},
            )
            for _ in range(AUDIT_PER_MEETING)
        )


class Sink:
    """What the HTTP response does with the chunks: sends them on and keeps none."""

    def __init__(self) -> None:
        self.size = 0
        self.largest_chunk = 0

    def take(self, chunk: bytes) -> None:
        self.size += len(chunk)
        self.largest_chunk = max(self.largest_chunk, len(chunk))


def _rss() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def in_child(work) -> dict:
    """Run `work` in a forked copy of this process (same database connection, warm caches) and return its
    figures with `peak`: the child's peak resident memory above what it had when it started (bytes)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        try:
            os.close(read)
            base = _rss()
            figures = work()
            figures["peak"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - base
            os.write(write, json.dumps(figures).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    return json.loads(data)


def export(council: Council, builder=build.year_build):
    def work() -> dict:
        sink = Sink()
        now = timezone.now()
        started = time.perf_counter()
        for chunk in stream_zip(builder(council, YEAR, generated_at=now), generated_at=now):
            sink.take(chunk)
        return {"zip_bytes": sink.size, "largest_chunk": sink.largest_chunk, "seconds": time.perf_counter() - started}

    return work


def floor(council: Council):
    """The largest single member: the first meeting's PDF/A with all its items, rendered and kept."""

    def work() -> dict:
        meeting = collect.meetings_of_year(council, YEAR).first()
        pdf = render.meeting_pdf(meeting, list(meeting.items.all()))
        return {"pdf_bytes": len(pdf)}

    return work


def rows(council: Council) -> int:
    return (
        collect.meetings_of_year(council, YEAR).count()
        + collect.items_of_year(council, YEAR).count()
        + collect.decisions_of_year(council, YEAR).count()
        + collect.statements_of_year(council, YEAR).count()
        + collect.audit_of_year(council, YEAR).count()
    )


def test_archive_export_memory_is_bounded(benchmark):
    n = int(os.environ.get("RAAD_BENCH_ARCHIVE_MEETINGS", "6"))
    small = make_council()
    large = Council.objects.create(municipality=small.municipality, name="Stort råd", slug="stort-raad")
    started = time.perf_counter()
    generate(small, n)
    generate(large, 4 * n)
    generated = time.perf_counter() - started
    rows_small, rows_large = rows(small), rows(large)

    warm = collect.meetings_of_year(small, YEAR).first()  # fonts and templates loaded before the fork
    render.meeting_pdf(warm, list(warm.items.all())[:2])
    the_floor = in_child(floor(large))["peak"]
    result_small = in_child(export(small))
    tables_small = in_child(export(small, build.year_tables_build))
    tables_large = in_child(export(large, build.year_tables_build))
    result_large: dict = {}

    def run() -> None:
        result_large.update(in_child(export(large)))

    benchmark.pedantic(run, rounds=1, iterations=1)
    figures = {
        "generated_s": round(generated, 1),
        "rows_n": rows_small,
        "rows_4n": rows_large,
        "zip_mb_n": round(result_small["zip_bytes"] / 1e6, 2),
        "zip_mb_4n": round(result_large["zip_bytes"] / 1e6, 2),
        "seconds_n": round(result_small["seconds"], 1),
        "seconds_4n": round(result_large["seconds"], 1),
        "peak_mb_n": round(result_small["peak"] / 1e6, 2),
        "peak_mb_4n": round(result_large["peak"] / 1e6, 2),
        "floor_mb": round(the_floor / 1e6, 2),
        "tables_only_peak_mb_n": round(tables_small["peak"] / 1e6, 2),
        "tables_only_peak_mb_4n": round(tables_large["peak"] / 1e6, 2),
        "tables_only_seconds_4n": round(tables_large["seconds"], 1),
        "largest_chunk_kb_4n": round(result_large["largest_chunk"] / 1e3, 1),
    }
    figures["peak_4n_over_n"] = round(result_large["peak"] / result_small["peak"], 2)
    figures["peak_4n_over_floor"] = round(result_large["peak"] / the_floor, 2)
    benchmark.extra_info |= figures
    logger.info("archive export: %s", figures)
    assert rows_large >= 3.9 * rows_small
    assert result_large["zip_bytes"] > 3 * result_small["zip_bytes"]
    # Four times the data, not four times the memory. The rows (CSV and JSON) are read in chunks: their part
    # stays flat. The PDFs are rendered one at a time: the peak is a few renders' worth, whatever the year holds.
    assert tables_large["peak"] < 1.3 * tables_small["peak"] + 5e6
    assert result_large["peak"] < 2 * result_small["peak"]
    assert result_large["peak"] < 3 * the_floor
