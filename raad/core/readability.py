"""Readability of Danish text: LIX (læsbarhedsindeks), the Scandinavian readability index.

    LIX = words / sentences + 100 × long words / words

where a long word has more than six letters (Björnsson, C.H. (1968): *Läsbarhet*, Stockholm: Liber).

The bands, and their Danish names, are the scale commonly used in Denmark for LIX (as given by Den Store
Danske, "lix", and the Danish Wikipedia article "Lix" after Björnsson; the same limits as lix.dk):

    under 25  meget let   (children's books, easy-read)
    25–34     let         (fiction, weekly magazines)
    35–44     middel      (newspapers)
    45–54     svær        (factual prose)
    55 and up meget svær  (academic and legal text)

The target for easy-read Danish (let dansk) is `settings.EASY_READ_LIX_TARGET` (default 25: the top of
"meget let"); editors see it under every easy-read text area.

Tokenising is Danish-aware:
- words are runs of letters (æ, ø, å and other accented letters included), hyphenated compounds
  ("FN-konventionen") are one word, numbers ("2026", "10.000", "17.00") are one word each and never long;
- a sentence ends at `.`, `!`, `?`, `:` or `…` (Björnsson counts the colon), except after a common
  abbreviation ("bl.a.", "f.eks.", "fx.", "osv.", "kl.", "nr." …) or inside a number;
- a line that starts with a bullet (`-`, `*`, `•`, `–`) or a number ("1.", "2)") is a sentence of its own, and
  so is a paragraph or line whose last sentence has no closing punctuation (a heading).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import pgettext_lazy

LONG_WORD_LETTERS = 6  # a long word has more than this many letters

# (upper limit, exclusive; key; label). The last band has no upper limit.
BANDS = (
    (25, "very_easy", pgettext_lazy("readability", "meget let")),
    (35, "easy", pgettext_lazy("readability", "let")),
    (45, "medium", pgettext_lazy("readability", "middel")),
    (55, "hard", pgettext_lazy("readability", "svær")),
    (None, "very_hard", pgettext_lazy("readability", "meget svær")),
)

# Abbreviations whose full stop does not end a sentence (lower case, with their dots).
ABBREVIATIONS = frozenset(
    [
        "bl.a.",
        "f.eks.",
        "fx.",
        "m.fl.",
        "m.m.",
        "mv.",
        "osv.",
        "jf.",
        "jvf.",
        "ca.",
        "dvs.",
        "pkt.",
        "nr.",
        "kl.",
        "hhv.",
        "evt.",
        "inkl.",
        "ekskl.",
        "ift.",
        "i.f.t.",
        "mht.",
        "m.h.t.",
        "pga.",
        "p.g.a.",
        "stk.",
        "vedr.",
        "tlf.",
        "mia.",
        "mio.",
        "o.l.",
        "s.",
        "e.l.",
        "el.",
        "dr.",
        "hr.",
        "fr.",
        "cand.",
        "ang.",
        "iflg.",
        "ifm.",
        "iht.",
        "i.h.t.",
        "vha.",
        "v.h.a.",
        "gl.",
        "jan.",
        "feb.",
        "mar.",
        "apr.",
        "jun.",
        "jul.",
        "aug.",
        "sep.",
        "sept.",
        "okt.",
        "nov.",
        "dec.",
        "adm.",
        "afd.",
        "alm.",
        "forv.",
        "kbh.",
        "kommunalbest.",
    ]
)

_BULLET = re.compile(r"^\s*(?:[-*•–—]|\d{1,3}[.)])\s+")
_TERMINATORS = ".!?:…"
# A number with thousands separators, decimals or a clock time: one word.
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
# A word: letters (any script), digits allowed inside, hyphen or apostrophe joining parts.
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["


@dataclass(frozen=True)
class Lix:
    """The figures of a text: `value` is LIX rounded to a whole number (0 for an empty text)."""

    words: int
    sentences: int
    long_words: int

    @property
    def exact(self) -> float:
        if not self.words:
            return 0.0
        return self.words / max(self.sentences, 1) + 100 * self.long_words / self.words

    @property
    def value(self) -> int:
        return int(self.exact + 0.5)

    @property
    def band(self) -> str:
        return band_key(self.value)

    @property
    def band_label(self) -> str:
        return str(band_label(self.value))

    def meets(self, target: int | None = None) -> bool:
        """At or below the easy-read target."""
        return bool(self.words) and self.value <= (target if target is not None else easy_read_target())


def easy_read_target() -> int:
    return int(getattr(settings, "EASY_READ_LIX_TARGET", 25))


def band_key(value: float) -> str:
    for limit, key, _label in BANDS:
        if limit is None or value < limit:
            return key
    raise AssertionError("unreachable")  # pragma: no cover


def band_label(value: float):
    for limit, _key, label in BANDS:
        if limit is None or value < limit:
            return label
    raise AssertionError("unreachable")  # pragma: no cover


def _letters(word: str) -> int:
    return sum(1 for character in word if character.isalpha())


def _chunks(text: str) -> list[str]:
    """Paragraphs, with each bullet line a chunk of its own and every other line joined to its paragraph.
    Each chunk is at least one sentence."""
    chunks: list[str] = []
    current: list[str] = []
    for line in (text or "").replace("\r\n", "\n").split("\n"):
        if not line.strip():
            if current:
                chunks.append(" ".join(current))
                current = []
            continue
        if _BULLET.match(line):
            if current:
                chunks.append(" ".join(current))
                current = []
            chunks.append(_BULLET.sub("", line, count=1))
            continue
        current.append(line.strip())
    if current:
        chunks.append(" ".join(current))
    return chunks


def analyse(text: str) -> Lix:
    """Count words, sentences and long words of `text` (see the module's docstring for the rules)."""
    words = sentences = long_words = 0
    for chunk in _chunks(text):
        words_in_chunk = 0
        open_sentence = False  # words since the last sentence end
        tokens = [raw.lstrip(_OPENERS).rstrip(_CLOSERS) for raw in chunk.split()]
        tokens = [token for token in tokens if token]
        for index, token in enumerate(tokens):
            ends = token[-1] in _TERMINATORS
            bare = token.rstrip(_TERMINATORS + _CLOSERS + ",;")
            following = tokens[index + 1] if index + 1 < len(tokens) else ""
            if token.lower() in ABBREVIATIONS or (token.endswith(".") and bare.lower() + "." in ABBREVIATIONS):
                found = [bare]  # one short word, and its full stop ends nothing
                ends = False
            elif _NUMBER.fullmatch(bare):
                found = [bare]  # one word, never long
                # "den 22. juni": an ordinal's full stop, followed by a word in lower case, ends nothing
                if token.endswith(".") and following[:1].islower():
                    ends = False
            else:
                found = _WORD.findall(bare)
            for word in found:
                words_in_chunk += 1
                if _letters(word) > LONG_WORD_LETTERS:
                    long_words += 1
            if found:
                open_sentence = True
            if ends and open_sentence:
                sentences += 1
                open_sentence = False
        if open_sentence:
            sentences += 1  # a heading or a last sentence without its full stop
        words += words_in_chunk
    return Lix(words=words, sentences=sentences, long_words=long_words)


def lix(text: str) -> int:
    """LIX of `text`, rounded to a whole number (0 for no words)."""
    return analyse(text).value


def describe(text: str, *, easy_read: bool = False) -> dict:
    """What the LIX include shows: the figure, its band, and for easy-read the target and whether it is met."""
    figures = analyse(text)
    return {
        "value": figures.value,
        "words": figures.words,
        "band": figures.band,
        "band_label": figures.band_label,
        "empty": not figures.words,
        "easy_read": easy_read,
        "target": easy_read_target(),
        "meets": figures.meets(),
        "bands": [(limit, str(label)) for limit, _key, label in BANDS],
    }
