"""Concurrency tests: the same work started at once in several threads, each with its own connection."""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.db import connections


def in_parallel(work: Callable[[int], object], count: int) -> list[object]:
    """Run `work(i)` in `count` threads that start together; each result or exception, in order."""
    barrier = threading.Barrier(count)
    results: list[object] = [None] * count

    def run(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[i] = work(i)
        except Exception as error:  # noqa: BLE001 - collected and asserted by the test
            results[i] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results
