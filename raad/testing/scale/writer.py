"""Bulk writes with counts and time per table."""

from __future__ import annotations

import time
from collections import defaultdict
from typing import Any

BATCH_SIZE = 5000


class Writer:
    """`create(rows)` bulk-inserts rows of one model in batches of `BATCH_SIZE` and keeps, per table, how many
    rows it wrote and how long that took. The rows come back with their primary keys (SQLite ≥ 3.35 and
    PostgreSQL both return them)."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = defaultdict(int)
        self.seconds: dict[str, float] = defaultdict(float)

    def create(self, rows: list[Any]) -> list[Any]:
        if not rows:
            return rows
        model = type(rows[0])
        started = time.perf_counter()
        created = model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        self.seconds[model._meta.db_table] += time.perf_counter() - started
        self.counts[model._meta.db_table] += len(rows)
        return created

    def timed(self, table: str, seconds: float, count: int = 0) -> None:
        self.seconds[table] += seconds
        self.counts[table] += count
