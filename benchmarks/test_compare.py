"""Comparing two versions of a 30-page statement (issue 5). Run with `make bench`; figures in docs/benchmarks.md."""

import pytest

from benchmarks.bench_compare import document, heavy_edit, light_edit
from raad.statements.rules import compare

BASE = document(1)
OLD = "\n".join(BASE)
CASES = {
    "light edit": "\n".join(light_edit(BASE)),
    "heavy edit": "\n".join(heavy_edit(BASE)),
    "unrelated text": "\n".join(document(2)),
}


@pytest.mark.parametrize("case", CASES)
def test_compare_thirty_pages(benchmark, case):
    result = benchmark(compare, OLD, CASES[case])
    assert result.added > 0 and result.removed > 0


def test_compare_thirty_pages_without_full_stops(benchmark):
    old = OLD.replace(".", "").replace("\n", " ")
    new = CASES["light edit"].replace(".", "").replace("\n", " ")
    result = benchmark(compare, old, new)
    assert result.added > 0
