"""How long does comparing two versions of a 30-page consultation answer take?

    .venv/bin/python benchmarks/bench_compare.py

A page is taken as 400 words (about 2,700 characters), so 30 pages are 12,000 words in 150 paragraphs
of sentences of 8 to 24 words.
Three cases: a light edit (a word changed in every tenth paragraph), a heavy edit (a sentence rewritten in
every second paragraph and a paragraph moved), two unrelated texts, and a text without any full stop
or line break (the pathological case). The figures go in docs/benchmarks.md.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from raad.statements.rules import compare  # noqa: E402  (pure: no Django setup needed)
from raad.testing.scale.text import paragraph  # noqa: E402  (the shared Danish text generator, pure too)


def document(seed: int, paragraphs: int = 150) -> list[str]:
    rng = random.Random(seed)
    return [paragraph(rng) for _ in range(paragraphs)]


def light_edit(paragraphs: list[str]) -> list[str]:
    out = list(paragraphs)
    for i in range(0, len(out), 10):
        words = out[i].split()
        words[len(words) // 2] = "ændret"
        out[i] = " ".join(words)
    return out


def heavy_edit(paragraphs: list[str], seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = list(paragraphs)
    for i in range(0, len(out), 2):
        words = out[i].split()
        start = rng.randrange(0, len(words) - 20)
        words[start : start + 20] = paragraph(rng, 20).split()
        out[i] = " ".join(words)
    out.insert(40, out.pop(100))  # a paragraph moved
    return out


def measure(old: str, new: str, rounds: int = 5) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        compare(old, new)
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def main() -> None:
    base = document(1)
    old = "\n".join(base)
    cases = {
        "light edit (1 word in every 10th paragraph)": "\n".join(light_edit(base)),
        "heavy edit (20 words in every 2nd paragraph, 1 paragraph moved)": "\n".join(heavy_edit(base)),
        "unrelated text (worst case)": "\n".join(document(2)),
    }
    cases_raw = {
        "one 30-page line without full stops, light edit": (
            old.replace(".", "").replace("\n", " "),
            "\n".join(light_edit(base)).replace(".", "").replace("\n", " "),
        ),
    }
    print(
        f"30 pages: {len(old.split())} words, {len(old)} characters, {len(base)} paragraphs; Python {sys.version.split()[0]}"
    )
    for label, new in cases.items():
        median, worst = measure(old, new)
        print(f"{label:70s} median {median * 1000:7.1f} ms   max {worst * 1000:7.1f} ms")
    for label, (a, b) in cases_raw.items():
        median, worst = measure(a, b)
        print(f"{label:70s} median {median * 1000:7.1f} ms   max {worst * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
