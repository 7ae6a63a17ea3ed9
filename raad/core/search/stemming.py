"""Danish words and stems for the SQLite index and for highlighting (the Snowball stemmer, as PostgreSQL's
`danish` configuration uses)."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"\w+", re.UNICODE)
_stemmer = snowballstemmer.stemmer("danish")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word.lower())


def stemmed(text: str) -> str:
    """The text as the SQLite index stores it: each word replaced by its stem."""
    return " ".join(stem(w) for w in words(text))
